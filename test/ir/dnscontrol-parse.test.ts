// DNSControl's own parse tests (../shared/fixtures/dnscontrol-parse), evaluated unchanged and
// normalised, compared with DNSControl's JSON by meaning: domains, registrars, providers, owner
// names, types, TTLs and record data. DNSControl's per-type fields (target, mxpreference, srvport,
// caatag ...) are turned into canonical rdata by the records registry, the same identity the IR uses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/ir/diagnostic.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import type { IrConfig, IrProviderDecl } from '../../src/ir/types.js';
import { rdataFromArgs } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';
import { evaluateConfig } from './support/evaluate.js';

const DIR = '../shared/fixtures/dnscontrol-parse';

interface DcRecord {
  name: string;
  type: string;
  target: string;
  ttl?: number;
  filepos?: string;
  mxpreference?: number;
  caaflag?: number;
  caatag?: string;
  srvpriority?: number;
  srvweight?: number;
  srvport?: number;
  soambox?: string;
  soarefresh?: number;
  soaretry?: number;
  soaexpire?: number;
  soaminttl?: number;
}

interface DcDecl {
  name: string;
  type: string;
  meta?: Record<string, string>;
}

interface DcConfig {
  registrars: DcDecl[];
  dns_providers: DcDecl[];
  domains: {
    name: string;
    registrar: string;
    dnsProviders: Record<string, number>;
    meta: Record<string, string>;
    records: DcRecord[];
    recordsabsent?: DcRecord[];
  }[];
}

/** DNSControl's fields in presentation order, as DSL arguments. */
function dcArgs(r: DcRecord): unknown[] {
  switch (r.type) {
    case 'MX':
      return [r.mxpreference ?? 0, r.target];
    case 'SRV':
      return [r.srvpriority ?? 0, r.srvweight ?? 0, r.srvport ?? 0, r.target];
    case 'CAA':
      return [r.caaflag ?? 0, r.caatag, r.target];
    case 'SOA':
      // DNSControl keeps the mailbox as written ("admin.foo.com"); as a name it is absolute.
      return [r.target, r.soambox?.endsWith('.') ? r.soambox : `${r.soambox}.`, 0, r.soarefresh, r.soaretry, r.soaexpire, r.soaminttl];
    default:
      return [r.target];
  }
}

const owner = (label: string, zone: string): string => (label === '@' ? zone : `${label}.${zone}`);

/** A record as both sides can state it: `name type ttl rdata` (TTL left out for absent records). */
function dcRecord(r: DcRecord, zone: string, withTtl: boolean): string {
  const rdata = rdataFromArgs(r.type, dcArgs(r), { zone });
  return `${owner(r.name, zone)} ${r.type}${withTtl ? ` ${r.ttl ?? 300}` : ''} ${rdata}`;
}

function irRecord(r: DnsRecord, withTtl: boolean): string {
  return `${r.name} ${r.type}${withTtl ? ` ${r.ttl}` : ''} ${r.rdata}`;
}

/** Declarations by meaning: name, type when the config states one, metadata. */
function decls(list: readonly IrProviderDecl[], implicit: readonly string[]): string[] {
  return list.filter((d) => !implicit.includes(d.name)).map((d) => `${d.name} ${d.type ?? '(creds)'} ${JSON.stringify(d.meta)}`);
}

function dcDecls(list: readonly DcDecl[], configTypes: ReadonlyMap<string, string | undefined>): string[] {
  // DNSControl's test harness fills a missing provider type from its own creds; zonesmith leaves it
  // to creds.json, so only a type written in the config is compared.
  return list.map((d) => `${d.name} ${configTypes.get(d.name) === undefined ? '(creds)' : d.type} ${JSON.stringify(d.meta ?? {})}`);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.js')).sort();

// Known differences, each failing today (it.fails turns red the day it is fixed, so this list
// cannot go stale). None at the moment.
const KNOWN_DIFFERENCES = new Set<string>([]);

describe('DNSControl parse fixtures, normalised', () => {
  it('are all here', () => {
    expect(files).toHaveLength(12);
  });

  for (const file of files) {
    (KNOWN_DIFFERENCES.has(file) ? it.fails : it)(file, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.js$/, '.json')), 'utf8')) as DcConfig;
      const evaluated = await evaluateConfig(join(DIR, file));
      expect(evaluated.error).toBeUndefined();
      const { ir, diagnostics } = normalizeConfig(evaluated.raw as NonNullable<typeof evaluated.raw>);
      expect(hasErrors(diagnostics), diagnostics.map((d) => d.message).join('\n')).toBe(false);
      compare(ir, expected);
    });
  }
});

function compare(ir: IrConfig, dc: DcConfig): void {
  const declaredRegistrars = new Set(dc.registrars.map((r) => r.name));
  // The IR declares "none" when a config uses it undeclared; DNSControl's JSON lists no registrar then.
  const implicit = ir.registrars.filter((r) => r.name === 'none' && !declaredRegistrars.has('none') && r.source === undefined).map((r) => r.name);
  const types = (list: readonly IrProviderDecl[]) => new Map(list.map((d) => [d.name, d.type]));
  expect(decls(ir.registrars, implicit)).toEqual(dcDecls(dc.registrars, types(ir.registrars)));
  expect(decls(ir.dnsProviders, [])).toEqual(dcDecls(dc.dns_providers, types(ir.dnsProviders)));

  expect(ir.domains.map((d) => d.name)).toEqual(dc.domains.map((d) => d.name));
  for (const [i, d] of ir.domains.entries()) {
    const want = dc.domains[i] as DcConfig['domains'][number];
    expect(d.uniqueName).toBe(want.meta['dnscontrol_uniquename']);
    expect(d.unicodeName).toBe(want.meta['dnscontrol_nameunicode']);
    expect(d.registrar).toBe(want.registrar);
    expect(Object.fromEntries(d.dnsProviders.map((p) => [p.name, p.nameserverCount]))).toEqual(want.dnsProviders);
    expect(d.nameserverTtl).toBe(Number(want.meta['ns_ttl'] ?? 300));
    const otherMeta = Object.fromEntries(Object.entries(want.meta).filter(([k]) => !k.startsWith('dnscontrol_') && k !== 'ns_ttl'));
    expect(d.meta).toEqual(otherMeta);
    // DNSControl sorts records; compare as sorted lists.
    expect(d.records.map((r) => irRecord(r, true)).sort()).toEqual(want.records.map((r) => dcRecord(r, d.name, true)).sort());
    expect(d.absent.map((r) => irRecord(r, false)).sort()).toEqual((want.recordsabsent ?? []).map((r) => dcRecord(r, d.name, false)).sort());
    // Where each record was written: DNSControl's filepos "[line:L:C]" against the record's source.
    const lines = (list: { filepos?: string }[]) => list.map((r) => /line:(\d+)/.exec(r.filepos ?? '')?.[1]).map(Number).sort((a, b) => a - b);
    expect(d.records.map((r) => r.source?.line ?? 0).sort((a, b) => a - b)).toEqual(lines(want.records));
  }
}
