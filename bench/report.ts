import type { BudgetRow } from './bench-kit.js';
import type { NodeRuntime } from './node-runtimes.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

const verdict = (row: BudgetRow): string => {
  if (row.holds === undefined) return '–';
  if (row.holds) return 'yes';
  return row.outOfReach === undefined
    ? '**no**'
    : `out of reach: ${cell(row.outOfReach)}`;
};

/**
 * The bench's output, a Markdown table (the README's performance table):
 * one row per figure and Node, with the median, the range of its samples,
 * the budget and whether it holds (or is out of reach, and why).
 */
export const benchTable = (
  rows: readonly BudgetRow[],
  about: {
    readonly machine: string;
    readonly nodeOptions: string;
    readonly nodeFlags: readonly string[];
    readonly runtimes: readonly NodeRuntime[];
  }
): string => {
  const lines = [
    `Measured on ${about.machine}, ${about.runtimes.map((node) => node.label).join(' and ')}, NODE_OPTIONS=\`${about.nodeOptions}\`, Node flags as Lambda starts the function (\`${about.nodeFlags.join(' ')}\`); median (range):`,
    '',
    '| measure | Node | result: median (range) | budget | holds |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${cell(row.measure)} | ${row.node ?? 'any'} | ${cell(row.result)} | ${cell(row.budget)} | ${verdict(row)} |`
    ),
  ];
  return `${lines.join('\n')}\n`;
};
