import { Tok, type Tokens } from './tokenize.js';

/**
 * The bracket structure of one file's tokens, and where the names of interest are. A class with
 * its helpers as methods (not closures made per file): V8 then optimises them once for every file
 * of a config instead of throwing the optimised code away at each new file.
 */
export class TokenScan {
  /** Each token's innermost enclosing bracket (`(`, `[` or `{`), -1 at the top level. */
  readonly group: Int32Array;
  /** Each bracket's matching bracket, -1 when unmatched (and for other tokens). */
  readonly match: Int32Array;
  /** How many `yield`/`await` tokens come before each token (count + 1 entries). */
  readonly suspendsBefore: Int32Array;
  /** Name tokens whose text is in `names`, in order. */
  readonly candidates: number[] = [];

  constructor(
    readonly text: string,
    readonly t: Tokens,
    names: ReadonlySet<string>,
  ) {
    const { count, kind, start, end, punct } = t;
    let longest = 0;
    // First characters of the names: most other identifiers are ruled out without a slice.
    const firsts = new Uint8Array(128);
    for (const n of names) {
      longest = Math.max(longest, n.length);
      const c = n.charCodeAt(0);
      if (c < 128) firsts[c] = 1;
    }
    this.group = new Int32Array(count);
    this.match = new Int32Array(count).fill(-1);
    this.suspendsBefore = new Int32Array(count + 1);
    const { group, match, suspendsBefore, candidates } = this;
    const stack = new Int32Array(count + 1);
    let depth = 0;
    let suspends = 0;
    for (let i = 0; i < count; i++) {
      group[i] = depth > 0 ? (stack[depth - 1] as number) : -1;
      suspendsBefore[i] = suspends;
      const k = kind[i];
      if (k === Tok.Punct) {
        const p = punct[i];
        if (p === 40 || p === 91 || p === 123) stack[depth++] = i;
        else if ((p === 41 || p === 93 || p === 125) && depth > 0) {
          const o = stack[--depth] as number;
          match[o] = i;
          match[i] = o;
        }
      } else if (k === Tok.Name) {
        const s = start[i] as number;
        const len = (end[i] as number) - s;
        const c = text.charCodeAt(s);
        if (len === 5 && (c === 121 || c === 97)) {
          const w = text.slice(s, s + 5);
          if (w === 'yield' || w === 'await') suspends++;
        }
        if (len <= longest && (c >= 128 || firsts[c] === 1) && names.has(text.slice(s, s + len))) candidates.push(i);
      }
    }
    suspendsBefore[count] = suspends;
  }

  /** Token `i` is the punctuator `code` (false out of range). */
  isPunct(i: number, code: number): boolean {
    return i >= 0 && i < this.t.count && this.t.kind[i] === Tok.Punct && this.t.punct[i] === code;
  }

  /** The text of name token `i`; '' for another token or out of range. */
  word(i: number): string {
    const { t } = this;
    return i >= 0 && i < t.count && t.kind[i] === Tok.Name ? this.text.slice(t.start[i], t.end[i]) : '';
  }
}
