import { utf8SeqLength } from '../../src/records/text.js';

/**
 * The master-file lexer (RFC 1035 §5.1, with BIND's reading of the corner cases). It works on the
 * file's bytes and hands out one logical entry at a time (a line, or several joined by
 * parentheses) as token offsets into the buffer; strings are made only for the tokens a caller asks
 * for. Escapes stay in the token text (`a\"b`, `\065`) for the record modules to decode.
 *
 * Behaviour verified against named-checkzone 9.18, 2026-11: `"` ends an unquoted token and starts
 * a quoted one (`ab"cd"` is two strings); a newline inside quotes is an error unless escaped;
 * `\<newline>` outside quotes is an error; `\DDD` needs three digits and at most 255; parentheses
 * nest; `(` and `)` need no surrounding space; a line that starts with a blank has no owner.
 */

/** Token flag: the token was a quoted string (its offsets exclude the quotes). */
export const TOKEN_QUOTED = 1;
/** Token flag: the token contains at least one backslash escape. */
export const TOKEN_ESCAPED = 2;
/** Token flag: the token contains bytes above 0x7f (UTF-8 text). */
export const TOKEN_HIGH = 4;

/** A syntax problem found while lexing; `offset` is the byte offset it refers to. */
export interface LexIssue {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
}

// Byte classes: 1 = blank, 2 = token delimiter (blank, newline, ; ( ) ").
const CLASS = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0d]) CLASS[b] = 3;
for (const b of [0x0a, 0x3b, 0x28, 0x29, 0x22]) CLASS[b] = 2;

/** Node's one-byte decoder behind `toString('latin1')`, without its argument checks. */
type FastBuffer = Buffer & { latin1Slice(start: number, end: number): string };
const hasLatin1Slice = typeof (Buffer.prototype as Partial<FastBuffer>).latin1Slice === 'function';

/**
 * Bytes as a one-byte string. `latin1Slice` is what `toString('latin1')` calls (Node 20 and 24,
 * checked 2026-11); it skips the argument handling that costs more than the copy for short tokens.
 */
export function latin1(buf: Buffer, start: number, end: number): string {
  return hasLatin1Slice ? (buf as FastBuffer).latin1Slice(start, end) : buf.toString('latin1', start, end);
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads entries from one buffer. After `next()` returns true, tokens `0 .. count-1` of the entry
 * are available through `text(i)`, `quoted(i)` and their byte offsets; `error` is set when the
 * entry is malformed (the entry is then skipped up to its end, so reading can go on).
 */
export class ZoneLexer {
  /** The file's bytes. */
  readonly buf: Buffer;
  /** Tokens in the current entry. */
  count = 0;
  /** Start offset of each token (after the opening quote for quoted strings). */
  starts = new Int32Array(64);
  /** End offset (exclusive) of each token. */
  ends = new Int32Array(64);
  /** TOKEN_* bits of each token. */
  flags = new Uint8Array(64);
  /** True when the entry's first line starts with a blank: the owner is the previous one. */
  ownerOmitted = false;
  /** The first syntax problem in the current entry, if any. */
  error: LexIssue | null = null;
  /**
   * For a buffer that is not the end of the file: where the first entry it could not finish
   * starts, so the next buffer can begin there. -1 until then.
   */
  resumeAt = -1;
  private pos = 0;
  private atLineStart = true;
  /** Entries are read up to here: the end, or for a partial buffer just past its last newline. */
  private readonly limit: number;

  /**
   * `final` false: the buffer is one piece of a longer file. The lexer then stops at the last
   * complete line and, at an entry it cannot finish there (parentheses or an escaped newline going
   * on), stops early and sets `resumeAt`, instead of reporting the end of the file.
   */
  constructor(
    buf: Buffer,
    private readonly final = true,
  ) {
    this.buf = buf;
    this.limit = final ? buf.length : buf.lastIndexOf(0x0a) + 1;
  }

  private suspend(entryStart: number): boolean {
    this.pos = entryStart;
    this.resumeAt = entryStart;
    this.count = 0;
    this.error = null;
    return false;
  }

  /** Moves to the next non-empty entry; false at the end of the buffer. */
  next(): boolean {
    const buf = this.buf;
    const len = this.limit;
    const entryStart = this.pos;
    let pos = this.pos;
    let depth = 0;
    let openAt = -1;
    let recording = true;
    this.count = 0;
    this.error = null;
    for (;;) {
      if (pos >= len) {
        if (!this.final) return this.suspend(entryStart);
        if (depth > 0) this.fail('zonefile-unbalanced-parens', 'unbalanced parentheses: "(" is never closed', openAt);
        this.pos = pos;
        return this.count > 0 || this.error !== null;
      }
      const c = buf[pos]!;
      if (c === 0x0a) {
        pos++;
        this.atLineStart = true;
        if (depth === 0 && (this.count > 0 || this.error !== null)) {
          this.pos = pos;
          return true;
        }
        continue;
      }
      if (this.atLineStart) {
        this.atLineStart = false;
        if (depth === 0 && this.count === 0) this.ownerOmitted = c === 0x20 || c === 0x09;
      }
      const cls = CLASS[c]!;
      if (cls === 3) {
        pos++;
        continue;
      }
      if (c === 0x3b) {
        // Comment: up to (not including) the newline.
        const nl = buf.indexOf(0x0a, pos);
        pos = nl < 0 ? len : nl;
        continue;
      }
      if (c === 0x28) {
        if (depth === 0) openAt = pos;
        depth++;
        pos++;
        continue;
      }
      if (c === 0x29) {
        if (depth === 0) {
          this.fail('zonefile-unbalanced-parens', 'unbalanced parentheses: ")" without "("', pos);
          recording = false;
        } else depth--;
        pos++;
        continue;
      }
      let flags = 0;
      let start: number;
      let end: number;
      if (c === 0x22) {
        flags = TOKEN_QUOTED;
        const open = pos;
        pos++;
        start = pos;
        for (;;) {
          if (pos >= len) {
            if (!this.final) return this.suspend(entryStart);
            this.fail('zonefile-unbalanced-quotes', 'unbalanced quotes: the string is never closed', open);
            recording = false;
            depth = 0;
            end = pos;
            break;
          }
          const b = buf[pos]!;
          if (b === 0x22) {
            end = pos;
            pos++;
            break;
          }
          if (b === 0x5c) {
            flags |= TOKEN_ESCAPED;
            const step = this.escapeLength(pos);
            if (step < 0) {
              recording = false;
              pos = this.skipToNewline(pos + 1);
              depth = 0;
              end = pos;
              break;
            }
            pos += step;
            continue;
          }
          if (b === 0x0a) {
            this.fail('zonefile-unbalanced-quotes', 'unbalanced quotes: newline inside a quoted string', open);
            recording = false;
            depth = 0;
            end = pos;
            break;
          }
          if (b >= 0x80) flags |= TOKEN_HIGH;
          pos++;
        }
      } else {
        start = pos;
        for (;;) {
          if (pos >= len) break;
          const b = buf[pos]!;
          if (b === 0x5c) {
            flags |= TOKEN_ESCAPED;
            if (buf[pos + 1] === 0x0a) {
              this.fail('zonefile-bad-escape', 'a backslash at the end of a line is only allowed inside quotes', pos);
              recording = false;
              pos++;
              depth = 0;
              break;
            }
            const step = this.escapeLength(pos);
            if (step < 0) {
              recording = false;
              pos = this.skipToNewline(pos + 1);
              depth = 0;
              break;
            }
            pos += step;
            continue;
          }
          if (CLASS[b]! >= 2) break;
          if (b >= 0x80) flags |= TOKEN_HIGH;
          pos++;
        }
        end = pos;
      }
      if (recording) this.push(start, end, flags);
    }
  }

  /** Bytes taken by the escape at `pos` (a backslash), or -1 after recording an error. */
  private escapeLength(pos: number): number {
    const buf = this.buf;
    const n1 = buf[pos + 1];
    if (n1 === undefined) {
      this.fail('zonefile-bad-escape', 'the file ends with a backslash', pos);
      return -1;
    }
    if (n1 < 0x30 || n1 > 0x39) return 2;
    const n2 = buf[pos + 2];
    const n3 = buf[pos + 3];
    if (n2 === undefined || n3 === undefined || n2 < 0x30 || n2 > 0x39 || n3 < 0x30 || n3 > 0x39) {
      this.fail('zonefile-bad-escape', 'a \\DDD escape needs exactly three digits', pos);
      return -1;
    }
    if ((n1 - 0x30) * 100 + (n2 - 0x30) * 10 + (n3 - 0x30) > 255) {
      this.fail('zonefile-bad-escape', 'a \\DDD escape must be at most \\255', pos);
      return -1;
    }
    return 4;
  }

  private skipToNewline(pos: number): number {
    const nl = this.buf.indexOf(0x0a, pos);
    return nl < 0 || nl >= this.limit ? this.limit : nl;
  }

  private fail(code: string, message: string, offset: number): void {
    if (this.error === null) this.error = { code, message, offset };
  }

  private push(start: number, end: number, flags: number): void {
    const i = this.count;
    if (i === this.starts.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      const f = new Uint8Array(this.flags.length * 2);
      f.set(this.flags);
      this.flags = f;
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = flags;
    this.count = i + 1;
  }

  /** True when token `i` was quoted. */
  quoted(i: number): boolean {
    return (this.flags[i]! & TOKEN_QUOTED) !== 0;
  }

  /**
   * The token's text, escapes kept. UTF-8 is decoded; bytes that are not valid UTF-8 become
   * `\DDD` escapes, so the text still says exactly which bytes the file held.
   */
  text(i: number): string {
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if ((this.flags[i]! & TOKEN_HIGH) === 0) return latin1(this.buf, s, e);
    return decodeHighText(this.buf.subarray(s, e));
  }

  /** Byte offset of token `i` (for diagnostics; points at the quote for quoted strings). */
  offset(i: number): number {
    const s = this.starts[i]!;
    return this.quoted(i) ? s - 1 : s;
  }

  /** Byte length of token `i`'s raw text. */
  length(i: number): number {
    return this.ends[i]! - this.starts[i]!;
  }

  /** The raw byte at position `k` of token `i` (0 past its end). */
  byteAt(i: number, k: number): number {
    const p = this.starts[i]! + k;
    return p < this.ends[i]! ? this.buf[p]! : 0;
  }
}

function decodeHighText(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (b < 0x80) {
        out += String.fromCharCode(b);
        i++;
        continue;
      }
      const n = utf8SeqLength(bytes, i);
      if (n > 0) {
        out += utf8Strict.decode(bytes.subarray(i, i + n));
        i += n;
      } else {
        out += `\\${String(b).padStart(3, '0')}`;
        i++;
      }
    }
    return out;
  }
}
