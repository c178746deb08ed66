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
    list.push({ tcol, line, column, fixed });
    list.sort((a, b) => a.tcol - b.tcol);
  }

  /** True when no breakpoint was added (the rewrite kept every column). */
  get empty(): boolean {
    return this.byLine.size === 0;
  }

  /** Maps a rewritten position (1-based line, 0-based column) to the original one. */
  map(line: number, column: number): { line: number; column: number } {
    const list = this.byLine.get(line);
    if (!list) return { line, column };
    let hit: Breakpoint | undefined;
    for (const bp of list) {
      if (bp.tcol > column) break;
      hit = bp;
    }
    if (!hit) return { line, column };
    return { line: hit.line, column: hit.fixed ? hit.column : hit.column + (column - hit.tcol) };
  }
}
