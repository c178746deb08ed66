import type { ZoneLexer } from './zonefile-lexer.js';

/** More iterations than this are refused: a typo in a range should not exhaust memory. */
const MAX_ITERATIONS = 1_000_000;

/**
 * BIND's `$GENERATE range lhs [ttl] [class] type rhs`: one record line per value of the range
 * (`start-stop[/step]`). In lhs and rhs, `$` is the value, `${offset,width,base}` formats it
 * (base d, o, x, X, or n/N for reversed nibbles as in ip6.arpa), `\$` and `$$` are a literal `$`.
 * Returns the record lines to read; calls `fail` (with the token index when known) on bad input.
 */
export function expandGenerate(lx: ZoneLexer, fail: (code: string, message: string, token?: number) => void): string[] {
  const range = /^([0-9]+)-([0-9]+)(?:\/([0-9]+))?$/.exec(lx.text(1));
  if (!range) {
    fail('zonefile-bad-generate', `'${lx.text(1)}' is not a range (start-stop[/step])`, 1);
    return [];
  }
  const start = Number(range[1]);
  const stop = Number(range[2]);
  const step = range[3] === undefined ? 1 : Number(range[3]);
  if (start > stop || step < 1 || stop > 0x7fffffff) {
    fail('zonefile-bad-generate', `the range ${lx.text(1)} is empty or out of bounds`, 1);
    return [];
  }
  if ((stop - start) / step >= MAX_ITERATIONS) {
    fail('zonefile-bad-generate', `the range ${lx.text(1)} makes more than ${MAX_ITERATIONS} records`, 1);
    return [];
  }
  const lhs = lx.text(2);
  const middle: string[] = [];
  for (let i = 3; i < lx.count - 1; i++) middle.push(lx.text(i));
  const rhs = lx.text(lx.count - 1);
  const lines: string[] = [];
  for (let v = start; v <= stop; v += step) {
    const owner = substitute(lhs, v);
    const data = substitute(rhs, v);
    if (owner === undefined || data === undefined) {
      fail('zonefile-bad-generate', 'a ${offset,width,base} modifier is malformed');
      return [];
    }
    lines.push(`${owner} ${middle.join(' ')} ${data}`);
  }
  return lines;
}

function substitute(text: string, value: number): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (text[i + 1] === '$') {
      out += '\\$';
      i++;
      continue;
    }
    if (text[i + 1] !== '{') {
      out += String(value);
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0) return undefined;
    const m = /^(-?[0-9]+)(?:,([0-9]+)(?:,([doxXnN]))?)?$/.exec(text.slice(i + 2, close));
    if (!m) return undefined;
    out += format(value + Number(m[1]), m[2] === undefined ? 0 : Number(m[2]), m[3] ?? 'd');
    i = close;
  }
  return out;
}

function format(v: number, width: number, base: string): string {
  switch (base) {
    case 'o':
      return v.toString(8).padStart(width, '0');
    case 'x':
      return v.toString(16).padStart(width, '0');
    case 'X':
      return v.toString(16).toUpperCase().padStart(width, '0');
    case 'n':
    case 'N': {
      const hex = v.toString(16).padStart(width, '0');
      const digits = [...hex].reverse().join('.');
      return base === 'N' ? digits.toUpperCase() : digits;
    }
    default:
      return String(v).padStart(width, '0');
  }
}
