import { bytesToText, decodeText, isValidUtf8, tokenizeRdata } from './text.js';
import type { DnsRecord } from './types.js';

/** A record as a DSL call: the builder, its arguments after the label, and record modifiers. */
export interface DslCall {
  /** `MX`, `CAA`, ... */
  readonly builder: string;
  /** The label as the DSL takes it (`@`, `www`, `a.b`). */
  readonly label: string;
  readonly args: readonly (string | number)[];
  /** Modifier expressions (`CAA_CRITICAL`, `TTL(600)`), already source text. */
  readonly modifiers: readonly string[];
}

/** Record types whose DSL arguments are simply the rdata fields in presentation order. */
const PLAIN = new Set(['A', 'AAAA', 'ALIAS', 'CNAME', 'DHCID', 'DNAME', 'DNSKEY', 'DS', 'MX', 'NAPTR', 'NS', 'OPENPGPKEY', 'PTR', 'RP', 'SRV', 'SSHFP', 'TLSA', 'R53_ALIAS']);

/**
 * Turns a canonical record back into the DSL call that produces it (for `get-zones` and for the
 * drift report), or undefined when no builder can express it exactly (unknown `TYPEnnn` types, TXT
 * bytes that are not UTF-8). Targets inside the zone become short labels where the DSL's
 * trailing-dot rule allows (one label, or `@`); everything else stays absolute.
 */
export function toDslCall(rec: DnsRecord, zone: string): DslCall | undefined {
  const label = relativeLabel(rec.name, zone);
  const tokens = tokenizeRdata(rec.rdata);
  const fields = tokens.map((t) => (t.quoted ? textOf(t.text) : valueOf(t.text, zone)));
  if (fields.some((a) => a === undefined)) return undefined;
  const plain = (): (string | number)[] => fields as (string | number)[];
  if (PLAIN.has(rec.type)) return { builder: rec.type, label, args: plain(), modifiers: [] };
  switch (rec.type) {
    case 'TXT':
      return { builder: 'TXT', label, args: [fields[0] ?? ''], modifiers: [] };
    case 'CAA': {
      const [flag, tag, value] = tokens;
      const v = value ? textOf(value.text) : undefined;
      if (!flag || !tag || v === undefined || (flag.text !== '0' && flag.text !== '128')) return undefined;
      return { builder: 'CAA', label, args: [tag.text, v], modifiers: flag.text === '128' ? ['CAA_CRITICAL'] : [] };
    }
    case 'SOA': {
      const [mname, rname, , ...timers] = plain();
      return { builder: 'SOA', label, args: [mname as string, rname as string, ...timers], modifiers: [] };
    }
    case 'LOC':
      return { builder: 'LOC', label, args: tokens.map((t) => (/^-?\d+(\.\d+)?m?$/.test(t.text) ? Number(t.text.replace(/m$/, '')) : t.text)), modifiers: [] };
    case 'HTTPS':
    case 'SVCB': {
      const [prio, target, ...params] = tokens;
      if (!prio || !target) return undefined;
      return { builder: rec.type, label, args: [Number(prio.text), valueOf(target.text, zone), params.map((p) => p.text).join(' ')], modifiers: [] };
    }
    case 'SMIMEA': {
      // The DSL appends `._smimecert` to the label, so only owners ending in it can be written back.
      if (!label.endsWith('._smimecert')) return undefined;
      return { builder: 'SMIMEA', label: label.slice(0, -'._smimecert'.length), args: plain(), modifiers: [] };
    }
    default:
      return undefined;
  }
}

/** The label of `name` in `zone` (`@` for the apex). */
export function relativeLabel(name: string, zone: string): string {
  if (name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : `${name}.`;
}

function valueOf(text: string, zone: string): string | number {
  // Only short digit strings are numeric fields; long ones are data (a digest) and stay strings.
  if (/^\d+$/.test(text) && text.length <= 10) return Number(text);
  if (!text.endsWith('.') || text === '.') return text;
  const name = text.slice(0, -1);
  if (name === zone) return '@';
  const rel = relativeLabel(name, zone);
  // A relative target with a dot inside would need a trailing dot, which makes it absolute again.
  return rel.includes('.') ? text : rel;
}

function textOf(quoted: string): string | undefined {
  const bytes = decodeText(quoted);
  return isValidUtf8(bytes) ? bytesToText(bytes) : undefined;
}
