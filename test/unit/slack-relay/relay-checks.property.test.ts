import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVALID } from '../../../src/events/check-runtime.js';
import { RELAY_CHECKS } from '../../../src/slack-relay/relay-checks.generated.js';
import {
  RELAY_CHECKS_PATH,
  relayChecksSource,
} from '../../../src/slack-relay/relay-checks-source.js';
import {
  RELAY_SCHEMAS,
  type RelaySchemaName,
} from '../../../src/slack-relay/relay-schemas.js';
import { readNotification } from '../../../src/slack-relay/sns-notification.js';
import { agreesWithZod } from '../../helpers/agrees-with-zod.js';
import { mutate, type Path, pathsOf } from '../../helpers/mutation.js';
import { anSnsDelivery, sqsRecordOf } from '../../helpers/relay-rig.js';

const MESSAGES = [
  {
    text: 'HIGH finding',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'HIGH 7.5' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Resource* i-1' } },
    ],
  },
  { text: 'x', blocks: [{ type: 'divider' }] },
];

const SAMPLES: Record<RelaySchemaName, unknown[]> = {
  slackMessage: MESSAGES,
  snsNotification: [
    ...MESSAGES.map(
      (message) =>
        JSON.parse(
          sqsRecordOf(anSnsDelivery(JSON.stringify(message), 'r')).body
        ) as unknown
    ),
    JSON.parse(
      sqsRecordOf({ snsMessageId: 'm', topicArn: 't', message: '' }).body
    ) as unknown,
  ],
};

const agrees = (name: RelaySchemaName, input: unknown): boolean =>
  agreesWithZod(RELAY_SCHEMAS[name], RELAY_CHECKS[name], input);

describe('Module: relay-checks.generated', () => {
  it('is what the generator gives for the relay schemas (npm run generate:checks)', () => {
    expect(readFileSync(RELAY_CHECKS_PATH, 'utf8')).toBe(relayChecksSource());
  });

  it('accepts every sample, as zod does', () => {
    for (const [name, samples] of Object.entries(SAMPLES))
      for (const sample of samples) {
        expect(RELAY_CHECKS[name as RelaySchemaName](sample)).not.toBe(INVALID);
        expect(agrees(name as RelaySchemaName, sample)).toBe(true);
      }
  });

  it('agrees with zod on samples with values replaced, removed or added', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SAMPLES) as RelaySchemaName[])),
        fc.nat(),
        fc.nat(),
        fc.option(fc.jsonValue().map((value) => ({ value }))),
        (name, pick, at, replacement) => {
          const samples = SAMPLES[name];
          const sample = samples[pick % samples.length];
          const paths = pathsOf(sample);
          const input = mutate(
            sample,
            paths[at % paths.length] as Path,
            replacement ?? undefined
          );
          if (RELAY_CHECKS[name](input) === INVALID) invalid++;
          else valid++;
          return agrees(name, input);
        }
      ),
      { numRuns: 2000, seed: 13 }
    );
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(200);
  });

  it('says why a record failed, from zod, loaded for it', async () => {
    const tooMany = {
      text: 'x',
      blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })),
    };
    const body = sqsRecordOf(anSnsDelivery(JSON.stringify(tooMany), 'r')).body;
    expect(await readNotification(body)).toEqual({
      error: expect.stringMatching(
        /^the SNS message is not a Slack message \(format: slack\): blocks: /
      ),
    });
  });
});
