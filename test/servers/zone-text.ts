/** Zone files for test servers, from records or from literal text. */

/** A record to put in a test zone. `name` is absolute (`www.example.test`), relative (`www`) or `@`. */
export interface ZoneRecordInput {
  readonly name: string;
  readonly type: string;
  readonly ttl?: number;
  /** Presentation-format rdata; a TXT string longer than 255 bytes is split for the zone file. */
  readonly rdata: string;
}

/** One zone a test server serves: records (defaults added), or complete zone-file text. */
export interface ZoneSpec {
  /** Zone name without trailing dot. */
  readonly name: string;
  readonly records?: readonly ZoneRecordInput[];
  /** Complete zone-file text; used verbatim instead of `records`. */
  readonly text?: string;
  /** Who may send UPDATEs: key names, 'any' (no TSIG needed), 'none'. Default: every server key. */
  readonly update?: readonly string[] | 'any' | 'none';
  /** Who may AXFR: key names, 'any', 'none'. Default: every server key. */
  readonly transfer?: readonly string[] | 'any' | 'none';
}

/** The default nameserver label; the conformance harness IGNOREs its A record (fixtures README). */
export const DUMMY_NS = 'dummy-ns';

/** Absolute owner name with trailing dot. */
export function absoluteName(name: string, zone: string): string {
  if (name === '@' || name === '' || name === zone || name === `${zone}.`) return `${zone}.`;
  if (name.endsWith('.')) return name;
  if (name.endsWith(`.${zone}`)) return `${name}.`;
  return `${name}.${zone}.`;
}

/** Splits quoted strings longer than 255 bytes (escapes count as one byte) into several. */
export function splitLongStrings(rdata: string): string {
  let out = '';
  let i = 0;
  while (i < rdata.length) {
    const ch = rdata[i]!;
    if (ch !== '"') {
      out += ch;
      i++;
      continue;
    }
    i++;
    const pieces: string[] = [];
    let cur = '';
    let bytes = 0;
    while (i < rdata.length && rdata[i] !== '"') {
      let unit: string;
      if (rdata[i] === '\\') {
        unit = /^\\\d{3}/.test(rdata.slice(i, i + 4)) ? rdata.slice(i, i + 4) : rdata.slice(i, i + 2);
      } else {
        const cp = rdata.codePointAt(i)!;
        unit = String.fromCodePoint(cp);
      }
      const len = unit.startsWith('\\') ? 1 : Buffer.byteLength(unit);
      if (bytes + len > 255) {
        pieces.push(cur);
        cur = '';
        bytes = 0;
      }
      cur += unit;
      bytes += len;
      i += unit.length;
    }
    pieces.push(cur);
    i++; // closing quote
    out += pieces.map((p) => `"${p}"`).join(' ');
  }
  return out;
}

/**
 * Zone-file text for `spec`. Records get an SOA, an apex NS `dummy-ns.<zone>.` and its A record
 * (127.0.0.1) unless they bring their own SOA / apex NS: BIND loads no zone without NS + address.
 */
export function zoneText(spec: ZoneSpec): string {
  if (spec.text !== undefined) return spec.text;
  const zone = spec.name;
  const apex = `${zone}.`;
  const records = spec.records ?? [];
  const abs = records.map((r) => ({ ...r, owner: absoluteName(r.name, zone), type: r.type.toUpperCase() }));
  const lines = [`$ORIGIN ${apex}`, '$TTL 300'];
  if (!abs.some((r) => r.type === 'SOA')) {
    lines.push(`${apex} 300 IN SOA ${DUMMY_NS}.${apex} hostmaster.${apex} 1 3600 600 86400 300`);
  }
  if (!abs.some((r) => r.type === 'NS' && r.owner.toLowerCase() === apex.toLowerCase())) {
    lines.push(`${apex} 300 IN NS ${DUMMY_NS}.${apex}`);
    lines.push(`${DUMMY_NS}.${apex} 300 IN A 127.0.0.1`);
  }
  for (const r of abs) {
    const rdata = r.type === 'TXT' ? splitLongStrings(r.rdata) : r.rdata;
    lines.push(`${r.owner} ${r.ttl ?? 300} IN ${r.type} ${rdata}`);
  }
  return `${lines.join('\n')}\n`;
}
