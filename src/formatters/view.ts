import type { Finding } from '../findings/finding.js';
import type { RenderContext } from './formatter.js';

/**
 * A run of text. `text` is always untrusted and escaped by the renderer;
 * `url` is a validated https URL (see `safe-url.ts`).
 */
export type Segment = {
  readonly text: string;
  readonly url?: string;
  readonly code?: boolean;
};
/** Segments shown on one line. */
export type Line = readonly Segment[];

/** A labelled value: "Fix available: YES". */
export type Fact = { readonly label: string; readonly value: Line };

/** A list that may be long: packages, network path, standards. */
export type ListSection = {
  readonly title: string;
  /** Plural noun for the "and 37 more packages" note. */
  readonly noun: string;
  readonly items: readonly Line[];
};

export type ConsoleLink = { readonly text: string; readonly url: string };

/**
 * Everything a format shows, decided once, format-neutral: each format only
 * decides layout, escaping and limits.
 */
export type FindingView = {
  readonly finding: Finding;
  readonly context: RenderContext;
  /** `HIGH 7.5` or `UNTRIAGED`. */
  readonly severity: string;
  /** Slack emoji code for the severity (`:red_circle:`). */
  readonly emoji: string;
  /** "Escalated", "Resolved", "Reminder" or nothing for a new finding. */
  readonly variantLabel?: string;
  /** "Severity escalated: MEDIUM → HIGH" and the like. */
  readonly change?: string;
  readonly resource: Line;
  readonly facts: readonly Fact[];
  readonly sections: readonly ListSection[];
  readonly nextSteps: readonly string[];
  readonly links: readonly ConsoleLink[];
  readonly keywords: readonly string[];
};
