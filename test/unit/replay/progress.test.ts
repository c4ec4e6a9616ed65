import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../src/replay/progress.js';

describe('Function: terminalProgress', () => {
  it('redraws at most once per percent and clears its line at the end', () => {
    // Prepare
    const writes: string[] = [];
    const progress = terminalProgress((text) => writes.push(text));

    // Act
    for (let done = 1; done <= 1_000; done++) progress(done, 1_000);

    // Assess
    const bars = writes.filter((text) => text.startsWith('\r['));
    expect(bars).toHaveLength(101);
    expect(bars.at(-1)).toBe(`\r[${'#'.repeat(30)}] 100% 1000/1000 events`);
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('shows the share done', () => {
    // Prepare
    const writes: string[] = [];

    // Act
    terminalProgress((text) => writes.push(text))(50, 200);

    // Assess
    expect(writes).toEqual([
      `\r[${'#'.repeat(8)}${'.'.repeat(22)}] 25% 50/200 events`,
    ]);
  });
});
