import { ColumnEdits } from './column-edits.js';

/**
 * Applying the bundler plugin's rewrites to a file's text, and remembering where they moved
 * columns. A large config gets over 100,000 edits (one per numbered call), in a process that
 * runs the rewrite once, cold: edits are written in text order straight into a TextWriter (no
 * list of edit objects for the numbered calls, call-sites.ts), and the position map
 * (ColumnEdits) is only built when something asks for it: numbered calls carry their own
 * positions, and only errors and positions captured from the stack go through the map.
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
  /** The line (1-based) of the offset last passed to {@link seek}. */
  line = 1;
  /** Where that line starts. */
  lineStart = 0;
  private nextBreak = -1;
  private breakLength = 0;
  // A text with no CR, U+2028 or U+2029 (nearly every config) breaks lines only at \n, which
  // indexOf finds several times faster than the regular expression (one search per line).
  private readonly onlyLf: boolean;

  constructor(private readonly text: string) {
    this.onlyLf = !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029');
    this.find(0);
  }

  private find(from: number): void {
    if (this.onlyLf) {
      const j = this.text.indexOf('\n', from);
      this.nextBreak = j < 0 ? Infinity : j;
      this.breakLength = 1;
      return;
    }
    TERMINATOR.lastIndex = from;
    const m = TERMINATOR.exec(this.text);
    this.nextBreak = m ? m.index : Infinity;
    this.breakLength = m ? m[0].length : 0;
  }

  /** Moves to `offset`: {@link line} and {@link lineStart} then describe it. */
  seek(offset: number): void {
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
  }

  /** The line and column of `offset`. */
  at(offset: number): LineCol {
    this.seek(offset);
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
 * Applies edits to a text in one pass, as they come (sorted by start, not overlapping; one that
 * overlaps the previous is skipped).
 */
export class TextWriter {
  // Starts with a string, not empty: an empty array has another map in V8 (small integers) and
  // made the first push of each file throw away the compiled writer (Node 20, 2026-11).
  private readonly parts: string[] = [''];
  private pos = 0;
  private outLen = 0;
  // For each edit that changed lengths: its start and end in the original, and in the output.
  private moved = new Int32Array(256);
  private movedLength = 0;

  constructor(private readonly text: string) {}

  /** Replaces text[start, end) by `insert` (an insertion when start === end). */
  replace(start: number, end: number, insert: string): void {
    const pos = this.pos;
    if (start < pos) return;
    const keep = start - pos;
    if (keep > 0) this.parts.push(this.text.slice(pos, start));
    this.parts.push(insert);
    const at = this.outLen + keep;
    if (insert.length !== end - start) {
      if (this.movedLength + 4 > this.moved.length) {
        const grown = new Int32Array(this.moved.length * 2);
        grown.set(this.moved);
        this.moved = grown;
      }
      const m = this.moved;
      const n = this.movedLength;
      m[n] = start;
      m[n + 1] = end;
      m[n + 2] = at;
      m[n + 3] = at + insert.length;
      this.movedLength = n + 4;
    }
    this.outLen = at + insert.length;
    this.pos = end;
  }

  /**
   * The new text, with `suffix` appended after the last line (nothing moves), and, when lengths
   * changed, the map from its positions back to the original's (built on first use).
   */
  finish(suffix = ''): { text: string; edits?: ColumnEdits } {
    const { text } = this;
    if (this.parts.length === 1) return { text: suffix === '' ? text : text + suffix };
    this.parts.push(text.slice(this.pos), suffix);
    const out = this.parts.join('');
    const moved = this.moved;
    const length = this.movedLength;
    if (length === 0) return { text: out };
    return {
      text: out,
      edits: new ColumnEdits((columns) => {
        const original = new LineCursor(text);
        const rewritten = new LineCursor(out);
        for (let i = 0; i < length; i += 4) {
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
}
