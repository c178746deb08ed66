import type { DnsRecord } from '../records/types.js';
import { relativeLabel } from './order-keys.js';
import { recordTarget } from './record-view.js';

const HERITAGE = 'heritage=external-dns';

// The ownership-record prefixes external-dns writes with `%{record_type}` in --txt-prefix, in both
// the hyphen (`a-www`) and period (`a.www`) forms; longer prefixes first so `aaaa-` wins over `a-`.
// Verified against DNSControl's pkg/diff2/externaldns.go, 2026-07.
const TYPE_PREFIXES: readonly (readonly [string, string])[] = [
  ['aaaa.', 'AAAA'], ['aaaa-', 'AAAA'], ['a.', 'A'], ['a-', 'A'], ['cname.', 'CNAME'], ['cname-', 'CNAME'],
  ['ns.', 'NS'], ['ns-', 'NS'], ['mx.', 'MX'], ['mx-', 'MX'], ['srv.', 'SRV'], ['srv-', 'SRV'],
  ['txt.', 'TXT'], ['txt-', 'TXT'],
];

const BARE_TYPES: Readonly<Record<string, string>> = { a: 'A', aaaa: 'AAAA', cname: 'CNAME', ns: 'NS', mx: 'MX', srv: 'SRV', txt: 'TXT' };

// An ownership record that names no type owns these types at its label (external-dns's legacy form).
const LEGACY_TYPES = ['A', 'AAAA', 'CNAME', 'NS', 'MX', 'SRV'];

/** What one ownership TXT record owns: a label and a type, or every common type at the label. */
export interface ExternalDnsOwnership {
  readonly label: string;
  readonly type: string | undefined;
}

/** Reads the label of an external-dns ownership TXT record (relative to the zone) into what it owns. */
export function parseOwnershipLabel(label: string, customPrefix: string): ExternalDnsOwnership {
  let work = label;
  if (customPrefix !== '' && work.toLowerCase().startsWith(customPrefix.toLowerCase())) {
    work = work.slice(customPrefix.length);
  }
  const lower = work.toLowerCase();
  for (const [prefix, type] of TYPE_PREFIXES) {
    if (lower.startsWith(prefix)) {
      const rest = work.slice(prefix.length);
      return { label: rest === '' ? '@' : rest, type };
    }
  }
  if (work !== label) {
    // The custom prefix came off but no type followed: `extdns-a` at the apex, or a bare owner name.
    const bare = BARE_TYPES[lower];
    if (bare !== undefined) return { label: '@', type: bare };
    return { label: work === '' ? '@' : work, type: undefined };
  }
  return { label, type: undefined };
}

/**
 * The `label\0type` keys of every existing record external-dns owns in the zone: each TXT record
 * whose text contains `heritage=external-dns`, and the records its label names.
 */
export function externalDnsOwnedKeys(existing: readonly DnsRecord[], zone: string, customPrefix: string): Set<string> {
  const owned = new Set<string>();
  for (const rec of existing) {
    // The canonical text holds the marker verbatim (it needs no escapes), so test that before parsing.
    if (rec.type !== 'TXT' || !rec.rdata.includes(HERITAGE) || !recordTarget(rec).includes(HERITAGE)) continue;
    const label = relativeLabel(rec.name, zone);
    owned.add(`${label}\0TXT`);
    const own = parseOwnershipLabel(label, customPrefix);
    if (own.type !== undefined) owned.add(`${own.label}\0${own.type}`);
    else for (const t of LEGACY_TYPES) owned.add(`${own.label}\0${t}`);
  }
  return owned;
}
