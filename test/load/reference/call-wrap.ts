import type { DslCall } from './dsl-calls.js';

/**
 * Keeps position capture linear in the size of a config.
 *
 * Calls the loader could not number (call-sites.ts) still have the DSL capture its caller's stack
 * frame: calls through an alias (`var mx = MX; mx(...)`), DSL functions that call others, error
 * positions. V8 turns a frame into a source position by walking the calling function's
 * source-position table from its start, so each capture costs time proportional to the size of
 * the function the call sits in: a dnsconfig.js with 100,000 records written out at its top level
 * took over a minute (V8 11, Node 20, measured 2026-11). Wrapping each outermost DSL call in an
 * arrow, `__zonesmith_run(() => D(...))`, puts every D(...) (with the records in its arguments)
 * in a function of its own, so each capture walks only that small function.
 *
 * Only calls that may still capture are wrapped: with numbering on, an outermost call is wrapped
 * when it is not numbered itself or its arguments make other calls (an alias, a helper). Calls
 * whose arguments contain `yield` or `await` stay as they are (an arrow would change what
 * those mean). The wrapper starts with an identifier, so it never joins the previous line the way
 * a leading `(` would. The arrow keeps `this`, `arguments` and every binding the call saw.
 */

/** The function wrapped calls go through; bundle.ts defines it at the end of the bundle. */
export const RUN_GLOBAL = '__zonesmith_run';

/** An insertion into the file text. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * The insertions that wrap each outermost call of `calls` (dsl-calls.ts: findDslCalls) that may
 * capture a stack frame, in text order, two per wrapped call. A call the loader numbers whose
 * arguments make only numbered DSL calls captures nothing and stays as it is (a wrapper would
 * only make V8 parse its arguments twice).
 */
export function wrapCalls(calls: readonly DslCall[], numbered: boolean): Insertion[] {
  const out: Insertion[] = [];
  let covered = -1;
  for (const c of calls) {
    // Calls inside a wrapped one run in its arrow already.
    if (c.start < covered || c.suspends) continue;
    covered = c.end;
    if (numbered && !c.declared && !c.otherCalls) continue;
    out.push({ at: c.start, text: `${RUN_GLOBAL}(() => ` }, { at: c.end, text: ')' });
  }
  return out;
}
