/**
 * TXT values in Route 53's format (Developer Guide, ResourceRecordTypes.html#TXTFormat, verified
 * 2026-11): one or more double-quoted strings of at most 255 characters; `\"` and `\\` inside;
 * characters 000-037 and 177-377 (octal) written as `\` plus three OCTAL digits. zonesmith keeps
 * TXT as one logical string, so values are split on the way out and joined on the way in.
 */
import { splitCharStrings } from '../../src/records/text.js';

/** Bytes of one logical TXT string to a Route 53 Value (`"part1" "part2"`). */
export function txtToRoute53(bytes: Uint8Array): string {
  return splitCharStrings(bytes, 255).map(quoteChunk).join(' ');
}

function quoteChunk(chunk: Uint8Array): string {
  let s = '"';
  for (const b of chunk) {
    if (b === 0x22) s += '\\"';
    else if (b === 0x5c) s += '\\\\';
    else if (b < 0x20 || b >= 0x7f) s += `\\${b.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return `${s}"`;
}

/**
 * A Route 53 TXT Value to the bytes of one logical string. Quoted strings are joined; unquoted
 * words (values entered without quotes elsewhere) are taken as they are. `\ooo` is octal as Route 53
 * documents it; three digits that are not octal (`\128`) fall back to RFC 1035 decimal.
 */
export function txtFromRoute53(value: string): Uint8Array {
  const out: number[] = [];
  const enc = new TextEncoder();
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const quoted = c === '"';
    if (quoted) i++;
    while (i < n) {
      const ch = value[i]!;
      if (quoted && ch === '"') {
        i++;
        break;
      }
      if (!quoted && (ch === ' ' || ch === '\t')) break;
      if (ch === '\\' && i + 1 < n) {
        const digits = value.slice(i + 1, i + 4);
        if (/^[0-7]{3}$/.test(digits)) {
          out.push(parseInt(digits, 8) & 0xff);
          i += 4;
        } else if (/^[0-9]{3}$/.test(digits) && Number(digits) <= 255) {
          out.push(Number(digits));
          i += 4;
        } else {
          const cp = value.codePointAt(i + 1)!;
          const chr = String.fromCodePoint(cp);
          for (const b of enc.encode(chr)) out.push(b);
          i += 1 + chr.length;
        }
        continue;
      }
      const cp = value.codePointAt(i)!;
      const chr = String.fromCodePoint(cp);
      for (const b of enc.encode(chr)) out.push(b);
      i += chr.length;
    }
  }
  return Uint8Array.from(out);
}
