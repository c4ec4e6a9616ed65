/** Reports replay progress: called after each event. */
export type Progress = (done: number, total: number) => void;

const WIDTH = 30;

/**
 * A one-line progress bar redrawn in place, for a terminal on stderr. Draws
 * at most every 1% so long runs do not spend their time drawing, and clears
 * its line at the end so the output that follows starts clean.
 */
export const terminalProgress = (write: (text: string) => void): Progress => {
  let drawn = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === drawn && done !== total) return;
    drawn = percent;
    const filled = Math.round((percent / 100) * WIDTH);
    write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}% ${done}/${total} events`
    );
    if (done === total) write('\r\x1b[2K');
  };
};
