import { ensureBundle } from './helpers/synth.js';

/**
 * Runs once before every test file: builds the bundle the CDK tests deploy
 * (`dist/notify-findings`) if it is missing, so that no test pays for it
 * inside its own timeout.
 */
export const setup = (): void => {
  ensureBundle();
};
