/**
 * Maps positions in a file the bundler plugin rewrote back to the file as the user wrote it. The
 * rewrites keep every line break, so only lines with an edit carry breakpoints; every other
 * position maps to itself.
 */

interface Breakpoint {
  /** Column (0-based) in the rewritten line where this breakpoint starts. */
  readonly tcol: number;
  /** Original line (1-based) and column (0-based) that `tcol` corresponds to. */
  readonly line: number;
  readonly column: number;
  /** Inside inserted text: every column maps to `column` itself. */
  readonly fixed: boolean;
}

/** Breakpoints of one rewritten file. */
export class ColumnEdits {
  private readonly byLine = new Map<number, Breakpoint[]>();
  private fill: ((edits: ColumnEdits) => void) | undefined;

  /** `fill`, when given, adds the breakpoints the first time they are needed. */
  constructor(fill?: (edits: ColumnEdits) => void) {
    this.fill = fill;
  }

  private ready(): void {
    const fill = this.fill;
    if (fill) {
      this.fill = undefined;
      fill(this);
    }
  }

  /**
   * From rewritten (line, tcol) onwards, columns count from original (line, column); with `fixed`
   * (text the rewrite inserted) they all map to (line, column).
   */
  add(tline: number, tcol: number, line: number, column: number, fixed = false): void {
    let list = this.byLine.get(tline);
    if (!list) {
      list = [];
      this.byLine.set(tline, list);
    }
    const last = list[list.length - 1];
    list.push({ tcol, line, column, fixed });
    // Stable, so at the same column a later breakpoint stays after an earlier one.
    if (last && last.tcol > tcol) list.sort((a, b) => a.tcol - b.tcol);
  }

  /** True when no breakpoint was added (the rewrite kept every column). */
  get empty(): boolean {
    this.ready();
    return this.byLine.size === 0;
  }

  /** Maps a rewritten position (1-based line, 0-based column) to the original one. */
  map(line: number, column: number): { line: number; column: number } {
    this.ready();
    const list = this.byLine.get(line);
    if (!list) return { line, column };
    // The last breakpoint at or before `column` (a minified config can have thousands on a line).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as Breakpoint).tcol <= column) lo = mid + 1;
      else hi = mid;
    }
    const hit = list[lo - 1];
    if (!hit) return { line, column };
    return { line: hit.line, column: hit.fixed ? hit.column : hit.column + (column - hit.tcol) };
  }
}
