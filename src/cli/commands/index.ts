import type { Command } from 'commander';
import type { Output } from '../output.js';
import { registerCheck } from './check.js';
import { registerComment } from './comment.js';
import { registerDrift } from './drift.js';
import { registerGetZones } from './get-zones.js';
import { registerPreview } from './preview.js';
import { registerPrintIr } from './print-ir.js';
import { registerPush } from './push.js';

/** Sets the process exit code from a command's result. */
export type SetExit = (code: number) => void;

/**
 * Adds every command to the program. Registration is light (names, flags, help); each command's
 * implementation is imported when it runs, so `check` does not load the reconcile engine and
 * `--help` loads none of them.
 */
export function registerCommands(program: Command, output: Output, setExit: SetExit): void {
  registerCheck(program, output, setExit);
  registerPrintIr(program, output, setExit);
  registerPreview(program, output, setExit);
  registerPush(program, output, setExit);
  registerComment(program, output, setExit);
  registerDrift(program, output, setExit);
  registerGetZones(program, output, setExit);
}
