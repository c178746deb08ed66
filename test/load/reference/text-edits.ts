import { ColumnEdits } from '../../../src/load/column-edits.js';

/**
 * Applying the bundler plugin's rewrites to a file's text, and remembering where they moved
 * columns. A large config gets hundreds of thousands of edits (two per numbered call), so edits
 * arrive sorted, are applied in one pass, and the position map (ColumnEdits) is only built when
 * something asks for it: numbered calls carry their own positions (call-sites.ts), and only
 * errors and positions captured from the stack go through the map.
 */

/** text[start, end) replaced by `text`; an insertion when start === end. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A 1-based line and a 0-based column. */
export interface LineCol {
  line: number;
  column: number;
}

// Line terminators as V8 and esbuild count them, in string literals too: a lone CR or U+2028
// inside a TXT string starts a new line of the script (verified with esbuild 0.28 and Node 20,
// 2026-11).
const TERMINATOR = /\r\n?|[\n\u2028\u2029]/g;

/**
 * Turns offsets into lines and columns, counting lines as V8 and esbuild do. Fastest when asked
 * for offsets in increasing order, as edits come; an earlier offset starts over from the top.
 */
export class LineCursor {
  private line = 1;
  private lineStart = 0;
  private nextBreak = -1;
  private breakLength = 0;

  constructor(private readonly text: string) {
    this.find(0);
  }

  private find(from: number): void {
    TERMINATOR.lastIndex = from;
    const m = TERMINATOR.exec(this.text);
    this.nextBreak = m ? m.index : Infinity;
    this.breakLength = m ? m[0].length : 0;
  }

  /** The line and column of `offset`. */
  at(offset: number): LineCol {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.find(0);
    }
    while (this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + this.breakLength;
      this.find(this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart };
  }
}

/**
 * Merges lists that are each sorted by `start` into one; at equal offsets, earlier lists come
 * first (a script's prologue before a call's wrapper, a wrapper before the call's number).
 */
export function mergeEdits(lists: readonly (readonly TextEdit[])[]): TextEdit[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  const out: TextEdit[] = [];
  const at = nonEmpty.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < nonEmpty.length; k++) {
      const e = (nonEmpty[k] as readonly TextEdit[])[at[k] as number];
      if (e && (best < 0 || e.start < ((nonEmpty[best] as readonly TextEdit[])[at[best] as number] as TextEdit).start)) best = k;
    }
    if (best < 0) return out;
    out.push((nonEmpty[best] as readonly TextEdit[])[at[best] as number] as TextEdit);
    at[best] = (at[best] as number) + 1;
  }
}

/**
 * Applies `edits` (sorted by start, not overlapping; one that overlaps the previous is skipped)
 * to `text`. `suffix` is appended after the last line (nothing moves). Returns the new text and,
 * when lengths changed, the map from its positions back to the original's (built on first use).
 */
export function applyEdits(text: string, edits: readonly TextEdit[], suffix = ''): { text: string; edits?: ColumnEdits } {
  const parts: string[] = [];
  // Offsets of the edits that changed lengths: in the original, and where they landed.
  const moved: number[] = [];
  let pos = 0;
  let outLen = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    const keep = e.start - pos;
    if (keep > 0) parts.push(text.slice(pos, e.start));
    parts.push(e.text);
    outLen += keep;
    if (e.text.length !== e.end - e.start) moved.push(e.start, e.end, outLen, outLen + e.text.length);
    outLen += e.text.length;
    pos = e.end;
  }
  parts.push(text.slice(pos), suffix);
  const out = parts.join('');
  if (moved.length === 0) return { text: out };
  return {
    text: out,
    edits: new ColumnEdits((columns) => {
      const original = new LineCursor(text);
      const rewritten = new LineCursor(out);
      for (let i = 0; i < moved.length; i += 4) {
        const os = original.at(moved[i] as number);
        const oe = original.at(moved[i + 1] as number);
        const ts0 = rewritten.at(moved[i + 2] as number);
        const ts1 = rewritten.at(moved[i + 3] as number);
        columns.add(ts0.line, ts0.column, os.line, os.column, true);
        columns.add(ts1.line, ts1.column, oe.line, oe.column);
      }
    }),
  };
}
