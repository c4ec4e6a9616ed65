import type { Line, ListSection } from './view.js';

export type FitOptions = {
  /** Characters for the items and the note together (joined by `\n`). */
  readonly maxChars: number;
  readonly maxItems: number;
  /** Renders one item in at most the given number of characters. */
  readonly render: (line: Line, max: number) => string;
  /** Wraps the "and N more" note (italics in mrkdwn). */
  readonly note?: (text: string) => string;
};

/** "and 37 more packages". */
export const moreNote = (count: number, noun: string): string =>
  `and ${count} more ${noun}`;

/**
 * The items of a list that fit, each prefixed `prefix`, then a note saying
 * how many were left out. Only the items shown are rendered, so a list of
 * 10,000 packages costs no more than one of 20.
 */
export const fitList = (
  section: ListSection,
  options: FitOptions,
  prefix = '• '
): string[] => {
  const { items, noun } = section;
  const note = options.note ?? ((text: string) => text);
  // Room for the note, whatever the count: "and 9999999 more <noun>".
  const reserve = note(moreNote(9_999_999, noun)).length + 1;
  const lines: string[] = [];
  let used = 0;
  for (const item of items) {
    if (lines.length >= options.maxItems) break;
    const room = options.maxChars - used - reserve - prefix.length - 1;
    if (room < 20) break;
    const line = `${prefix}${options.render(item, Math.min(room, 500))}`;
    lines.push(line);
    used += line.length + 1;
  }
  const left = items.length - lines.length;
  if (left > 0) lines.push(note(moreNote(left, noun)));
  return lines;
};
