import type { DigestGroup } from './digest-view.js';

/** How one format writes a digest's lines, and how much a message holds. */
export type PackStyle = {
  /** Characters per message for the lines (joined by `\n`). */
  readonly maxChars: number;
  /** Characters per line (a Slack section holds 3,000). */
  readonly maxLine: number;
  /** A named group's first line; `count` findings in this message. */
  readonly head: (group: DigestGroup, count: number, more: boolean) => string;
  /** One finding's resource, in at most `max` characters. */
  readonly name: (index: number, max: number) => string;
  /** A group with no named finding: one line with its count. */
  readonly summary: (group: DigestGroup) => string;
  /** The line for what did not fit: groups and findings left unlisted. */
  readonly overflow: (groups: number, members: readonly number[]) => string;
  /** "+3 below HIGH, counted above" after a named group's names. */
  readonly counted: (count: number) => string;
};

/** One message of a digest: its lines and the findings it counts. */
export type PackedPart = { lines: string[]; members: number[] };

const INDENT = '   ';
const JOIN = ', ';
/** Room kept in each message for the overflow line. */
const OVERFLOW_RESERVE = 240;

/**
 * Packs a digest's groups into as few messages as the style allows. Named
 * findings are never left out: a group that does not fit continues in the
 * next message. Groups without a named finding are one line each while
 * there is room; the rest are summed up in one overflow line, so every
 * finding is counted in exactly one message and nothing goes unsaid.
 */
export const packDigest = (
  groups: readonly DigestGroup[],
  style: PackStyle
): PackedPart[] => {
  const parts: PackedPart[] = [{ lines: [], members: [] }];
  let part = parts[0] as PackedPart;
  let used = 0;
  // Only a digest with groups that name nobody may need the overflow line.
  const reserve = groups.some((item) => item.named.length === 0)
    ? OVERFLOW_RESERVE
    : 0;
  const room = () => style.maxChars - used - reserve;
  const push = (line: string) => {
    part.lines.push(line);
    used += line.length + 1;
  };
  const next = () => {
    part = { lines: [], members: [] };
    parts.push(part);
    used = 0;
  };

  for (const group of groups.filter((item) => item.named.length > 0)) {
    let names = [...group.named];
    let first = true;
    while (names.length > 0) {
      // Fill the lines of this message; count how many names fit.
      const lines: string[] = [];
      // Room for the head (at its largest count) and the counted note.
      const counted = first ? group.counted : [];
      const budget =
        room() -
        style.head(group, names.length + counted.length, !first).length -
        (counted.length > 0
          ? INDENT.length + style.counted(counted.length).length
          : 0) -
        3;
      let size = 0;
      let line = '';
      let taken = 0;
      for (const index of names) {
        const text = style.name(index, style.maxLine - INDENT.length);
        const joined =
          line === '' ? `${INDENT}${text}` : `${line}${JOIN}${text}`;
        if (joined.length > style.maxLine) {
          const fresh = `${INDENT}${text}`;
          if (size + line.length + fresh.length + 2 > budget) break;
          lines.push(line);
          size += line.length + 1;
          line = fresh;
        } else {
          if (size + joined.length + 1 > budget) break;
          line = joined;
        }
        taken += 1;
      }
      if (line !== '') lines.push(line);
      if (taken === 0) {
        if (part.lines.length === 0) {
          throw new Error('a digest message cannot hold a single finding');
        }
        next();
        continue;
      }
      const shown = names.slice(0, taken);
      names = names.slice(taken);
      push(style.head(group, shown.length + counted.length, !first));
      for (const text of lines) push(text);
      if (counted.length > 0) push(`${INDENT}${style.counted(counted.length)}`);
      part.members.push(...shown, ...counted);
      first = false;
      if (names.length > 0) next();
    }
  }

  const unnamed = groups.filter((item) => item.named.length === 0);
  const left: DigestGroup[] = [];
  for (const group of unnamed) {
    const line = style.summary(group);
    if (left.length === 0 && line.length + 1 <= room()) {
      push(line);
      part.members.push(...group.counted);
    } else left.push(group);
  }
  if (left.length > 0) {
    const members = left.flatMap((group) => group.counted);
    push(style.overflow(left.length, members));
    part.members.push(...members);
  }
  return parts.filter((item) => item.members.length > 0);
};
