/** Four octets of a dotted-quad IPv4 address, or undefined. */
export function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** Sixteen bytes of an IPv6 address (with `::` and an embedded IPv4 tail), or undefined. */
export function parseIPv6(s: string): number[] | undefined {
  if (!s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined): number[] | undefined => {
    if (part === undefined || part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return undefined;
  let words: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    words = head;
  }
  if (words.length !== 8) return undefined;
  const bytes: number[] = [];
  for (const w of words) bytes.push(w >> 8, w & 0xff);
  return bytes;
}

/** `IP("1.2.3.4")` as DNSControl computes it: the address as a 32-bit number (A() turns it back). */
export function ipv4ToNumber(octets: readonly number[]): number {
  return (((octets[0] as number) * 256 + (octets[1] as number)) * 256 + (octets[2] as number)) * 256 + (octets[3] as number);
}

/** Dotted quad of a 32-bit number (DNSControl's num2dot, so `IP(x) + 1` arithmetic works). */
export function numberToIPv4(n: number): string {
  let num = n;
  let out = String(num % 256);
  for (let i = 3; i > 0; i--) {
    num = Math.floor(num / 256);
    out = `${num % 256}.${out}`;
  }
  return out;
}
