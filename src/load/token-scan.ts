import { Tok, type Tokens } from './tokenize.js';

/**
 * The bracket structure of one file's tokens (found by the tokenizer as it goes: one pass over
 * the text, not two), and where the names of interest are. A class with its helpers as methods
 * (not closures made per file): V8 then optimises them once for every file of a config instead
 * of throwing the optimised code away at each new file.
 */
export class TokenScan {
  /** Each token's innermost enclosing bracket (`(`, `[` or `{`), -1 at the top level. */
  readonly group: Int32Array;
  /** Each bracket's matching bracket, -1 when unmatched (and for other tokens). */
  readonly match: Int32Array;
  /** Name tokens whose text is one of the names the tokens were made with (tokenize.ts), in order. */
  readonly candidates: readonly number[];

  constructor(
    readonly text: string,
    readonly t: Tokens,
  ) {
    this.group = t.group;
    this.match = t.match;
    this.candidates = t.candidates;
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
