import { SITE_CALL_GLOBAL } from '../dsl/names.js';
import { CallFlag, type DslCalls } from './dsl-calls.js';
import { LineCursor, type TextEdit, type TextWriter } from './text-edits.js';

/**
 * Positions injected at bundle time instead of captured at run time.
 *
 * The DSL records where each record, domain and provider was written. Capturing a stack frame
 * per call for that was most of the cost of evaluating a large config (about 0.65 s of 0.85 s for
 * 100,000 records, Node 20, 2026-11), so the loader numbers the calls it can see: `A("www", ip)`
 * becomes `__z(17, A,"www", ip)` (the name and its `(` replaced, nothing else
 * moves). The arguments are evaluated first, as in the call as written;
 * then the DSL's `__z` (src/dsl/pos.ts: callAt) tells `A` that its next entry is
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

  /**
   * Numbers `count` call sites, placed later with {@link set}; returns the first number. A file
   * reserves its sites before anything could await, so numbers follow the order files start
   * loading in however their rewrites interleave.
   */
  reserve(count: number): number {
    const first = this.next;
    this.next += count;
    if (this.next > this.file.length) {
      let size = this.file.length;
      while (size < this.next) size *= 2;
      this.file = grow(this.file, size);
      this.line = grow(this.line, size);
      this.column = grow(this.column, size);
    }
    return first;
  }

  /** Places reserved site `site` at 1-based `line` and `column` of file `file` (from fileId). */
  set(site: number, file: number, line: number, column: number): void {
    this.file[site] = file;
    this.line[site] = line;
    this.column[site] = column;
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

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * Writes `text` into `out` with each call of `calls` not marked declared numbered, from site
 * `first` on (reserved in `sites` for file `file`: CallSites.reserve, DslCalls.undeclared sites),
 * and `edits` (sorted by start) interleaved: at the same offset an edit of `edits` comes before a
 * call's number.
 *
 * One pass over the calls with no object per call: a large config numbers over 100,000 calls in a
 * process that does it once, so the cost is mostly V8 warming up and collecting garbage (about
 * 0.3 s for 107,000 calls with an edit list and a line object per call, 2026-11).
 */
export function writeNumbered(text: string, calls: DslCalls, sites: CallSites, file: number, first: number, edits: readonly TextEdit[], out: TextWriter): void {
  const lines = new LineCursor(text);
  const { start, name, open, flags, count } = calls;
  let e = 0;
  let site = first;
  // One round more than calls writes the edits after the last; the loop ends in a return (see
  // dsl-calls.ts for why nothing follows it).
  for (let k = 0; k <= count; k++) {
    if (k < count && ((flags[k] as number) & CallFlag.Declared) !== 0) continue;
    const s = k < count ? (start[k] as number) : 0x7fffffff;
    for (let edit = edits[e]; edit !== undefined && edit.start <= s; edit = edits[++e]) out.replace(edit.start, edit.end, edit.text);
    if (k === count) return;
    lines.seek(s);
    sites.set(site, file, lines.line, s - lines.lineStart + 1);
    const nameEnd = s + (name[k] as number);
    const paren = open[k] as number;
    // One edit from the name to its `(`: whatever lies between (spaces, a comment, a line break)
    // is kept, so lines do not move.
    const between = paren === nameEnd ? '' : text.slice(nameEnd, paren);
    out.replace(s, paren + 1, `${SITE_CALL_GLOBAL}(${site}, ${text.slice(s, nameEnd)}${between},`);
    site++;
  }
}
