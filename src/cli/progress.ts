import type { Output } from './output.js';

/** Counts finished zones: a redrawn line on a terminal, nothing in CI (the plan itself is the log). */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

/** Progress for `total` zones; silent when there are few zones or stderr is not a terminal. */
export function zoneProgress(output: Output, total: number, verb: string): Progress {
  if (!output.interactive || total < 5) return { tick: () => undefined, done: () => undefined };
  let n = 0;
  return {
    tick: (label) => {
      n++;
      process.stderr.write(`\r\u001b[2K${verb} ${n}/${total} ${label}`);
    },
    done: () => process.stderr.write('\r\u001b[2K'),
  };
}
