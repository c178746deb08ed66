import { parseIpv4, parseIpv6 } from '../../src/records/ip.js';
import type { DnsRecord } from '../../src/records/types.js';
import { relativeOwner } from './zonefile-names.js';

/**
 * The order DNSControl's prettyzone writes records in (pkg/prettyzone, sorting.go): the apex first,
 * then `*`, then names compared label by label from the right (numeric labels numerically, a name
 * before the names below it); within a name SOA, NS, CNAME, A, AAAA, MX, SRV, TXT, then the other
 * types alphabetically; within a type as {@link compareRdata} says.
 *
 * Each record gets one precomputed key string so a million records sort with plain string
 * comparisons. One deliberate simplification: a numeric label is compared with a non-numeric one
 * as its zero-padded text, where DNSControl compares the unpadded text (only `2` vs `1a` style
 * pairs differ, and only in order, never in content).
 */

const TYPE_ORDER = ['SOA', 'NS', 'CNAME', 'A', 'AAAA', 'MX', 'SRV', 'TXT'];
const TYPE_RANK = new Map(TYPE_ORDER.map((t, i) => [t, i]));
const OTHER_RANK = TYPE_ORDER.length;

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
  labels.push('2');
  // A separator below every character a canonical label holds, so a name sorts before its children.
  return labels.reverse().join('\u0001');
}

/**
 * Compares rdata of one type as prettyzone does: A and AAAA by address, MX by preference, SRV by
 * port, priority, weight, CAA by tag then critical flag first; then (and for every other type) by
 * the rdata text.
 */
export function compareRdata(type: string, a: string, b: string): number {
  if (a === b) return 0;
  let d = 0;
  switch (type) {
    case 'A':
      d = parseIpv4(a) - parseIpv4(b);
      break;
    case 'AAAA':
      d = compareIpv6(a, b);
      break;
    case 'MX':
      d = field(a, 0) - field(b, 0);
      break;
    case 'SRV':
      d = field(a, 2) - field(b, 2) || field(a, 0) - field(b, 0) || field(a, 1) - field(b, 1);
      break;
    case 'CAA': {
      const ta = a.split(' ', 2)[1] ?? '';
      const tb = b.split(' ', 2)[1] ?? '';
      d = ta < tb ? -1 : ta > tb ? 1 : field(b, 0) - field(a, 0);
      break;
    }
  }
  return d !== 0 ? d : a < b ? -1 : 1;
}

/** The i-th space-separated field as a number (NaN-safe: 0). */
function field(text: string, i: number): number {
  return Number(text.split(' ', i + 1)[i]) || 0;
}

const w1 = new Uint16Array(8);
const w2 = new Uint16Array(8);

function compareIpv6(a: string, b: string): number {
  if (!parseIpv6(a, w1) || !parseIpv6(b, w2)) return 0;
  for (let i = 0; i < 8; i++) if (w1[i] !== w2[i]) return w1[i]! - w2[i]!;
  return 0;
}

/**
 * Indices of the records in prettyzone order. Records of one name (usually adjacent) share one
 * key string, the type order is a byte per record, and the index array is typed: sorting a
 * million records adds little beyond one key per name.
 */
export function zoneFileOrder(records: readonly DnsRecord[], zone: string): Uint32Array {
  const n = records.length;
  const keys = new Array<string>(n);
  const ranks = new Uint8Array(n);
  let lastName: string | undefined;
  let lastKey = '';
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.name !== lastName) {
      lastName = r.name;
      lastKey = ownerSortKey(r.name, zone);
    }
    keys[i] = lastKey;
    ranks[i] = TYPE_RANK.get(r.type) ?? OTHER_RANK;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => {
    const kx = keys[x]!;
    const ky = keys[y]!;
    if (kx !== ky) return kx < ky ? -1 : 1;
    const d = ranks[x]! - ranks[y]!;
    if (d !== 0) return d;
    const rx = records[x]!;
    const ry = records[y]!;
    if (rx.type !== ry.type) return rx.type < ry.type ? -1 : 1;
    return compareRdata(rx.type, rx.rdata, ry.rdata);
  });
  return order;
}
