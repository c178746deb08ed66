import type { DnsRecord } from '../records/types.js';
import { toDslCall, type DslCall } from '../records/to-dsl.js';
import { compareLabels, compareTypes } from '../diff/order-keys.js';

/** One zone to write as a first-draft config. */
export interface ExportZone {
  readonly name: string;
  readonly records: readonly DnsRecord[];
  /** Apex NS records the provider adds by itself (left out of the draft). */
  readonly providerNameservers: readonly string[];
}

/** Options for {@link writeDslConfig}. */
export interface DslWriterOptions {
  /** `ts`: the typed import form; `js`: DNSControl's global form. */
  readonly form: 'ts' | 'js';
  /** The creds.json key of the provider the zones came from. */
  readonly credsKey: string;
}

/**
 * Writes a first-draft dnsconfig for zones read from a provider: one `D()` per zone, the most common
 * TTL as DefaultTTL, records grouped by label (apex first, as zone files sort) with a blank line
 * between labels. Apex NS records that the provider serves anyway are left out, explicit ones become
 * NAMESERVER(); SOA stays the provider's. Records no builder can express are kept as comments, so
 * nothing is silently lost.
 */
export function writeDslConfig(zones: readonly ExportZone[], opts: DslWriterOptions): string {
  const used = new Set(['D', 'DefaultTTL', 'DnsProvider', 'NewDnsProvider', 'NewRegistrar']);
  const bodies = zones.map((z) => zoneBlock(z, used));
  const head: string[] = ['// First draft written by `zonesmith get-zones`: review it, then run `zonesmith preview`.'];
  if (opts.form === 'ts') head.push(`import { ${[...used].sort().join(', ')} } from 'zonesmith';`);
  const decl = opts.form === 'ts' ? 'const' : 'var';
  head.push('', `${decl} REG_NONE = NewRegistrar('none');`, `${decl} DSP = NewDnsProvider(${str(opts.credsKey)});`);
  return `${[...head, '', ...bodies].join('\n')}`;
}

function zoneBlock(zone: ExportZone, used: Set<string>): string {
  const ttl = mostCommonTtl(zone.records);
  const lines: string[] = [`D(${str(zone.name)}, REG_NONE, DnsProvider(DSP),`, `  DefaultTTL(${ttl}),`];
  const providerNs = new Set(zone.providerNameservers.map((n) => n.toLowerCase()));
  // NAMESERVER_TTL covers the apex NS set (DNSControl's default is 300); one TTL for the set, the highest.
  const apexNs = zone.records.filter((r) => r.type === 'NS' && r.name === zone.name);
  const nsTtl = Math.max(0, ...apexNs.map((r) => r.ttl));
  if (apexNs.length > 0 && nsTtl !== 300) {
    used.add('NAMESERVER_TTL');
    lines.push(`  NAMESERVER_TTL(${nsTtl}),`);
  }
  const sorted = [...zone.records].sort((a, b) => compareLabels(label(a, zone.name), label(b, zone.name)) || compareTypes(a.type, b.type) || (a.rdata < b.rdata ? -1 : a.rdata > b.rdata ? 1 : 0));
  let last: string | undefined;
  for (const rec of sorted) {
    if (rec.type === 'SOA') continue;
    if (rec.type === 'NS' && rec.name === zone.name) {
      if (!providerNs.has(rec.rdata.toLowerCase())) {
        used.add('NAMESERVER');
        lines.push(`  NAMESERVER(${str(rec.rdata)}),`);
      }
      continue;
    }
    const l = label(rec, zone.name);
    if (last !== undefined && l !== last) lines.push('');
    last = l;
    lines.push(`  ${recordLine(rec, zone.name, ttl, used)}`);
  }
  lines.push(');', '');
  return lines.join('\n');
}

function recordLine(rec: DnsRecord, zone: string, defaultTtl: number, used: Set<string>): string {
  const call: DslCall | undefined = toDslCall(rec, zone);
  if (!call) return `// not expressible in the DSL: ${rec.name}. ${rec.ttl} ${rec.type} ${rec.rdata.replace(/[\r\n]/g, ' ')}`;
  used.add(call.builder);
  const mods = [...call.modifiers];
  for (const m of call.modifiers) used.add(m.replace(/\(.*$/, ''));
  if (rec.ttl !== defaultTtl) {
    used.add('TTL');
    mods.push(`TTL(${rec.ttl})`);
  }
  if (rec.meta && Object.keys(rec.meta).length > 0) mods.push(JSON.stringify(rec.meta));
  return `${call.builder}(${[str(call.label), ...call.args.map((a) => (typeof a === 'number' ? String(a) : str(a))), ...mods].join(', ')}),`;
}

function label(rec: DnsRecord, zone: string): string {
  return rec.name === zone ? '@' : rec.name.endsWith(`.${zone}`) ? rec.name.slice(0, -zone.length - 1) : rec.name;
}

function mostCommonTtl(records: readonly DnsRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of records) if (r.type !== 'SOA') counts.set(r.ttl, (counts.get(r.ttl) ?? 0) + 1);
  let best = 300;
  let n = 0;
  for (const [ttl, c] of counts) if (c > n || (c === n && ttl < best)) [best, n] = [ttl, c];
  return best;
}

/** A JS string literal in single quotes, escaping what needs it (also non-ASCII control characters). */
function str(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
