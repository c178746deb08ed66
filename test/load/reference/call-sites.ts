import { SITE_CALL_GLOBAL } from '../../../src/dsl/names.js';
import type { DslCall } from './dsl-calls.js';

/**
 * Positions injected at bundle time instead of captured at run time.
 *
 * The DSL records where each record, domain and provider was written. Capturing a stack frame
 * per call for that was most of the cost of evaluating a large config (about 0.65 s of 0.85 s for
 * 100,000 records, Node 20, 2026-11), so the loader numbers the calls it can see: `A("www", ip)`
 * becomes `__zonesmith_at(17, A,"www", ip)` (the name and its `(` replaced, nothing else
 * moves). The arguments are evaluated first, as in the call as written;
 * then the DSL's `__zonesmith_at` (src/dsl/pos.ts: callAt) tells `A` that its next entry is
 * call site 17, and calls it. `A` puts `site: 17` in its output, which the loader maps through
 * this table to the file, line and column where `A` was written: the position V8 would have
 * reported for the call, mapped back as before.
 *
 * Calls of a name the file declares itself (dsl-calls.ts) are left as written. Should the
 * rewrite still reach a function other than the DSL's, the DSL sees that the function entered is
 * not the one announced and captures the stack as before.
 */

/** The numbered call sites of one bundle: file, line and column where each call was written. */
export class CallSites {
  private readonly paths: string[] = [];
  private readonly ids = new Map<string, number>();
  // Site 0 is never used: a site number is always truthy.
  private file = new Int32Array(1024);
  private line = new Int32Array(1024);
  private column = new Int32Array(1024);
  private next = 1;

  /** The number of `path` (any string naming a file) in this table. */
  fileId(path: string): number {
    let id = this.ids.get(path);
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(path);
      this.ids.set(path, id);
    }
    return id;
  }

  /** Numbers a call site at 1-based `line` and `column` of file `file` (from fileId). */
  add(file: number, line: number, column: number): number {
    if (this.next === this.file.length) {
      this.file = grow(this.file);
      this.line = grow(this.line);
      this.column = grow(this.column);
    }
    const site = this.next++;
    this.file[site] = file;
    this.line[site] = line;
    this.column[site] = column;
    return site;
  }

  /** How many sites were numbered. */
  get size(): number {
    return this.next - 1;
  }

  /** Where site `site` was written; undefined for a number that is not a site. */
  at(site: number): { readonly path: string; readonly line: number; readonly column: number } | undefined {
    if (!Number.isInteger(site) || site < 1 || site >= this.next) return undefined;
    return { path: this.paths[this.file[site] as number] as string, line: this.line[site] as number, column: this.column[site] as number };
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A replacement in the file text (start..end replaced by text). */
export interface SiteEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The edits that number each call of `calls` (found in `text`) not marked `declared`, adding the
 * sites to `sites` under `file`; `lineCol` turns an offset into a 1-based line and 0-based column.
 */
export function siteEdits(
  text: string,
  calls: readonly DslCall[],
  sites: CallSites,
  file: number,
  lineCol: (offset: number) => { line: number; column: number },
): SiteEdit[] {
  const out: SiteEdit[] = [];
  for (const c of calls) {
    if (c.declared) continue;
    const at = lineCol(c.start);
    const site = sites.add(file, at.line, at.column + 1);
    // One edit from the name to its `(`: whatever lies between (spaces, a comment, a line break)
    // is kept, so lines do not move.
    const between = c.open === c.start + c.name ? '' : text.slice(c.start + c.name, c.open);
    out.push({ start: c.start, end: c.open + 1, text: `${SITE_CALL_GLOBAL}(${site}, ${text.slice(c.start, c.start + c.name)}${between},` });
  }
  return out;
}
