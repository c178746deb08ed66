import type { DnsRecord } from '../../src/records/types.js';
import { relativeOwner } from './zonefile-names.js';

/**
 * The order DNSControl's prettyzone writes records in (pkg/prettyzone, sorting.go): the apex first,
 * then `*`, then names compared label by label from the right (numeric labels numerically, a name
 * before the names below it); within a name SOA, NS, CNAME, A, AAAA, MX, SRV, TXT, then the other
 * types alphabetically; within a type by rdata (A by address, numeric fields numerically).
 *
 * Each record gets one precomputed key string so a million records sort with plain string
 * comparisons. One deliberate simplification: a numeric label is compared with a non-numeric one
 * as its zero-padded text, where DNSControl compares the unpadded text (only `2` vs `1a` style
 * pairs differ, and only in order, never in content).
 */

const TYPE_ORDER = ['SOA', 'NS', 'CNAME', 'A', 'AAAA', 'MX', 'SRV', 'TXT'];
const TYPE_RANK = new Map(TYPE_ORDER.map((t, i) => [t, String.fromCharCode(0x21 + i)]));
const OTHER_RANK = String.fromCharCode(0x21 + TYPE_ORDER.length);

function labelKey(label: string): string {
  if (label.length <= 20) {
    let digits = label.length > 0;
    for (let i = 0; i < label.length && digits; i++) {
      const c = label.charCodeAt(i);
      digits = c >= 0x30 && c <= 0x39;
    }
    if (digits) return label.padStart(20, '0');
  }
  return label;
}

/** The owner part of the sort key: rank (apex 0, `*` 1, others 2), then labels right to left. */
export function ownerSortKey(name: string, zone: string): string {
  const rel = relativeOwner(name, zone);
  if (rel === '@') return '0';
  if (rel === '*') return '1';
  // Split on unescaped dots only: `a\.b` is one label.
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < rel.length; i++) {
    const c = rel.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x2e) {
      labels.push(labelKey(rel.slice(start, i)));
      start = i + 1;
    }
  }
  labels.push(labelKey(rel.slice(start)));
  let key = '2';
  // A separator below every character a canonical label holds, so a name sorts before its children.
  for (let i = labels.length - 1; i >= 0; i--) key += `\u0001${labels[i]}`;
  return key;
}

/** Compares rdata of one type: A by address; otherwise field by field, numbers numerically. */
export function compareRdata(type: string, a: string, b: string): number {
  if (a === b) return 0;
  if (type === 'A') return ipv4Number(a) - ipv4Number(b) || (a < b ? -1 : 1);
  const fa = a.split(' ');
  const fb = b.split(' ');
  const n = Math.min(fa.length, fb.length);
  for (let i = 0; i < n; i++) {
    const x = fa[i]!;
    const y = fb[i]!;
    if (x === y) continue;
    const nx = /^[0-9]{1,15}$/.test(x) ? Number(x) : NaN;
    const ny = /^[0-9]{1,15}$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return fa.length - fb.length || (a < b ? -1 : 1);
}

function ipv4Number(text: string): number {
  const p = text.split('.');
  if (p.length !== 4) return 0;
  return ((Number(p[0]) * 256 + Number(p[1])) * 256 + Number(p[2])) * 256 + Number(p[3]);
}

/** The records in prettyzone order (a new array; the input is not touched). */
export function sortForZoneFile(records: readonly DnsRecord[], zone: string): DnsRecord[] {
  const n = records.length;
  const keys = new Array<string>(n);
  let lastName: string | undefined;
  let lastKey = '';
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.name !== lastName) {
      lastName = r.name;
      lastKey = ownerSortKey(r.name, zone);
    }
    const rank = TYPE_RANK.get(r.type);
    keys[i] = rank === undefined ? `${lastKey}\u0000${OTHER_RANK}${r.type}` : `${lastKey}\u0000${rank}`;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sorted = Array.from(order).sort((x, y) => {
    const kx = keys[x]!;
    const ky = keys[y]!;
    if (kx !== ky) return kx < ky ? -1 : 1;
    const rx = records[x]!;
    return compareRdata(rx.type, rx.rdata, records[y]!.rdata);
  });
  return sorted.map((i) => records[i]!);
}
