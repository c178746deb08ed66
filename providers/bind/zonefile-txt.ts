/**
 * TXT rdata for a zone file: the canonical form is one logical quoted string of any length, but a
 * zone file (and the wire) holds character-strings of at most 255 octets, so it is cut into several.
 * Works on the escaped text directly: `\DDD` and `\X` are one octet each (a multi-byte character
 * after a backslash counts its UTF-8 length), and no cut falls inside an escape or a character.
 */

const MAX = 255;

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

/** The zone-file text of canonical TXT rdata: quoted strings of at most 255 octets, space-separated. */
export function txtForZoneFile(rdata: string): string {
  // Fast path: at most 3 octets per UTF-16 unit, so a short string needs no cut.
  if (rdata.length <= 2 + MAX / 3) return rdata;
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  let i = 0;
  const n = rdata.length;
  let inQuote = false;
  while (i < n) {
    const c = rdata.charCodeAt(i);
    if (!inQuote) {
      if (c === 0x22) inQuote = true;
      i++;
      continue;
    }
    if (c === 0x22) {
      inQuote = false;
      i++;
      continue;
    }
    let unit: string;
    let size: number;
    if (c === 0x5c) {
      const d = rdata.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        unit = rdata.slice(i, i + 4);
        size = 1;
      } else {
        const cp = rdata.codePointAt(i + 1) ?? 0;
        unit = rdata.slice(i, i + (cp > 0xffff ? 3 : 2));
        size = cp > 0xffff ? 4 : utf8Length(cp);
      }
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      unit = rdata.slice(i, i + 2);
      size = 4;
    } else {
      unit = rdata[i]!;
      size = utf8Length(c);
    }
    if (octets + size > MAX) {
      parts.push(cur);
      cur = '';
      octets = 0;
    }
    cur += unit;
    octets += size;
    i += unit.length;
  }
  parts.push(cur);
  return parts.map((p) => `"${p}"`).join(' ');
}
