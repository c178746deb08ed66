/**
 * IP address text: strict parsing (no leading zeros in IPv4 octets, no zone ids) and canonical
 * printing (dotted quad; RFC 5952 for IPv6, with inet_ntop's dotted tail for ::ffff:a.b.c.d and
 * ::a.b.c.d, which BIND prints the same way).
 */

/** A dotted quad to its 32-bit value, or -1 when the text is not exactly one (leading zeros rejected). */
export function parseIpv4(text: string): number {
  const n = text.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let lead0 = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      const d = c - 0x30;
      if (d < 0 || d > 9) return -1;
      if (digits === 0) lead0 = d === 0;
      else if (lead0) return -1;
      part = part * 10 + d;
      if (part > 255) return -1;
      digits++;
    }
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + part;
}

/** 32-bit value to a dotted quad. */
export function formatIpv4(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** IPv6 text to its eight 16-bit groups (written into `out`); false when the text is not an address. */
export function parseIpv6(text: string, out: Uint16Array = new Uint16Array(8)): boolean {
  const n = text.length;
  if (n < 2 || n > 45) return false;
  let gap = -1; // index in `out` where '::' stands
  let count = 0;
  let i = 0;
  if (text.charCodeAt(0) === 0x3a) {
    if (text.charCodeAt(1) !== 0x3a) return false;
    gap = 0;
    i = 2;
    if (i === n) {
      out.fill(0);
      return true;
    }
  }
  while (i < n) {
    if (count === 8) return false;
    // A dotted-quad tail takes the last two groups.
    let j = i;
    let v = 0;
    let digits = 0;
    while (j < n) {
      const h = hexVal(text.charCodeAt(j));
      if (h < 0) break;
      v = v * 16 + h;
      digits++;
      j++;
    }
    if (j < n && text.charCodeAt(j) === 0x2e) {
      if (count > 6) return false;
      const v4 = parseIpv4(text.slice(i));
      if (v4 < 0) return false;
      out[count++] = v4 >>> 16;
      out[count++] = v4 & 0xffff;
      i = n;
      break;
    }
    if (digits === 0 || digits > 4) return false;
    out[count++] = v;
    i = j;
    if (i === n) break;
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < n && text.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return false;
      gap = count;
      i++;
      if (i === n) break;
    } else if (i === n) return false; // a single trailing colon
  }
  if (gap < 0) return count === 8;
  if (count === 8) return false; // '::' must stand for at least one group
  const tail = count - gap;
  for (let k = 0; k < tail; k++) out[7 - k] = out[count - 1 - k] as number;
  for (let k = gap; k < 8 - tail; k++) out[k] = 0;
  return true;
}

/** Eight groups to RFC 5952 text: lower-case, no leading zeros, the first longest run (2+) of zeros as `::`. */
export function formatIpv6(w: Uint16Array): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  // inet_ntop (glibc and BIND) prints IPv4-compatible and IPv4-mapped addresses with a dotted tail.
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
    const tail = `${(w[6] as number) >>> 8}.${(w[6] as number) & 255}.${(w[7] as number) >>> 8}.${(w[7] as number) & 255}`;
    return bestLen === 6 ? `::${tail}` : `::ffff:${tail}`;
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += i === 0 ? '::' : ':';
      i += bestLen - 1;
      continue;
    }
    s += (w[i] as number).toString(16);
    if (i < 7) s += ':';
  }
  return s;
}

/** Sixteen address bytes from eight groups. */
export function ipv6Bytes(w: Uint16Array): Uint8Array {
  const b = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    b[2 * i] = (w[i] as number) >>> 8;
    b[2 * i + 1] = (w[i] as number) & 0xff;
  }
  return b;
}

/** Eight groups from sixteen bytes starting at `off`. */
export function ipv6Words(b: Uint8Array, off = 0): Uint16Array {
  const w = new Uint16Array(8);
  for (let i = 0; i < 8; i++) w[i] = ((b[off + 2 * i] as number) << 8) | (b[off + 2 * i + 1] as number);
  return w;
}
