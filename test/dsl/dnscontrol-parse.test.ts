// DNSControl's own parse tests (../shared/fixtures/dnscontrol-parse) run unchanged through the
// runtime; the RawConfig must mean the same as DNSControl's JSON: domains, registrars, providers,
// labels, types, TTLs, argument values, meta and record positions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawConfig, RawRecord } from '../../src/dsl/raw-types.js';
import { evaluate, ROOT } from './harness.js';

const DIR = path.join(ROOT, '../shared/fixtures/dnscontrol-parse');

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

interface DcDomain {
  name: string;
  registrar: string;
  dnsProviders: Record<string, number>;
  meta: Record<string, string>;
  records: DcRecord[];
  recordsabsent?: DcRecord[];
}

interface DcConfig {
  registrars: { name: string; type: string; meta?: Record<string, string> }[];
  dns_providers: { name: string; type: string; meta?: Record<string, string> }[];
  domains: DcDomain[];
}

/** A record reduced to what both sides can say. */
interface Comparable {
  label: string;
  type: string;
  ttl: number;
  args: unknown[];
  line?: number;
  column?: number;
}

// DNSControl's JSON (models.RecordConfig) splits rdata into type-specific fields; rebuild the
// argument list in presentation order.
function dcArgs(r: DcRecord): unknown[] {
  switch (r.type) {
    case 'MX':
      return [r.mxpreference ?? 0, r.target];
    case 'CAA':
      return [r.caaflag ?? 0, r.caatag, r.target];
    case 'SRV':
      return [r.srvpriority ?? 0, r.srvweight ?? 0, r.srvport ?? 0, r.target];
    case 'SOA':
      return [r.target, r.soambox, 0, r.soarefresh, r.soaretry, r.soaexpire, r.soaminttl];
    default:
      return [r.target];
  }
}

function fromDc(r: DcRecord, absent: boolean): Comparable {
  const m = /^\[line:(\d+):(\d+)\]$/.exec(r.filepos ?? '');
  return {
    label: r.name,
    type: r.type,
    // DNSControl leaves the TTL of ENSURE_ABSENT records unset; TTL 0 means the default, 300.
    ttl: absent ? 0 : r.ttl || 300,
    args: dcArgs(r),
    ...(m ? { line: Number(m[1]), column: Number(m[2]) } : {}),
  };
}

// DNSControl canonicalises host-name targets of these types to FQDNs (pkg/normalize/validate.go);
// the raw level keeps them as written, so canonicalise here to compare meaning.
const TARGET_ARG: Record<string, number> = { CNAME: 0, ALIAS: 0, NS: 0, MX: 1, SRV: 3 };

function fromRaw(r: RawRecord, zone: string, absent: boolean): Comparable {
  const args = [...r.args];
  const ti = TARGET_ARG[r.type];
  const target = ti === undefined ? undefined : args[ti];
  if (ti !== undefined && typeof target === 'string' && !target.endsWith('.')) {
    args[ti] = target === '@' ? `${zone}.` : `${target}.${zone}.`;
  }
  return {
    label: r.label,
    type: r.type,
    ttl: absent ? 0 : (r.ttl ?? 300),
    args,
    ...(r.pos ? { line: r.pos.line, column: r.pos.column } : {}),
  };
}

const sorted = (list: Comparable[]): Comparable[] => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

function providerType(type: string | null): string {
  return type ?? '-';
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.js')).sort();

describe('DNSControl parse fixtures', () => {
  it('finds the 12 fixtures', () => {
    expect(files).toHaveLength(12);
  });

  for (const file of files) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.js$/, '.json')), 'utf8')) as DcConfig;
      const result = await evaluate(readFileSync(path.join(DIR, file), 'utf8'));
      expect(result.error).toBeUndefined();
      const raw = result.config as RawConfig;

      expect(raw.registrars.map((p) => ({ name: p.name, type: providerType(p.type), meta: p.meta }))).toEqual(
        expected.registrars.map((p) => ({ name: p.name, type: p.type, meta: p.meta ?? {} })),
      );
      // DNSControl's test harness gives typeless DNS providers the type CLOUDFLAREAPI (the type
      // comes from creds.json in real runs); the raw level records "no type" as null.
      expect(raw.dnsProviders.map((p) => ({ name: p.name, meta: p.meta }))).toEqual(
        expected.dns_providers.map((p) => ({ name: p.name, meta: p.meta ?? {} })),
      );
      raw.dnsProviders.forEach((p, i) => {
        if (p.type !== null) expect(p.type).toBe(expected.dns_providers[i]?.type);
      });

      expect(raw.domains.map((d) => d.name)).toEqual(expected.domains.map((d) => d.name));
      raw.domains.forEach((d, i) => {
        const e = expected.domains[i] as DcDomain;
        expect(d.registrar).toBe(e.registrar);
        expect(Object.fromEntries(d.dnsProviders.map((p) => [p.name, p.nsCount]))).toEqual(e.dnsProviders);
        const { ns_ttl: nsTtl, ...meta } = Object.fromEntries(Object.entries(e.meta).filter(([k]) => !k.startsWith('dnscontrol_')));
        expect(d.meta).toEqual(meta);
        expect(d.nameserverTtl === undefined ? undefined : String(d.nameserverTtl)).toBe(nsTtl);
        const zone = d.name.toLowerCase();
        expect(sorted(d.records.map((r) => fromRaw(r, zone, false)))).toEqual(sorted(e.records.map((r) => fromDc(r, false))));
        expect(sorted(d.absent.map((r) => fromRaw(r, zone, true)))).toEqual(sorted((e.recordsabsent ?? []).map((r) => fromDc(r, true))));
      });
    });
  }
});
