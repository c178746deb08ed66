/**
 * The zone files DNSControl wrote for its parse fixtures (../shared/fixtures/dnscontrol-parse/*\/)
 * read back to the records of the IR next to them, compared by meaning (name, type, TTL, rdata).
 * These files have no SOA or NS; they must still read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZone } from '../../../providers/bind/zonefile-reader.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import { formatZone } from '../../../providers/bind/zonefile-writer.js';

const ROOT = '../shared/fixtures/dnscontrol-parse';

interface FixtureRecord {
  readonly name: string;
  readonly type: string;
  readonly target: string;
  readonly ttl: number;
  readonly [field: string]: unknown;
}

/**
 * A fixture record as presentation text, the way DNSControl's zone writer prints it. The SOA
 * mailbox is printed as DNSControl printed it: 038-soa writes `admin.foo.com` without the final
 * dot, which a zone file (and BIND) reads as `admin.foo.com.foo.com.`.
 */
function presentation(r: FixtureRecord): string {
  const n = (k: string): number => (r[k] as number | undefined) ?? 0;
  switch (r.type) {
    case 'MX':
      return `${n('mxpreference')} ${r.target}`;
    case 'SRV':
      return `${n('srvpriority')} ${n('srvweight')} ${n('srvport')} ${r.target}`;
    case 'CAA':
      return `${n('caaflag')} ${String(r['caatag'])} "${r.target}"`;
    case 'SOA':
      return `${r.target} ${String(r['soambox'])} 0 ${n('soarefresh')} ${n('soaretry')} ${n('soaexpire')} ${n('soaminttl')}`;
    default:
      return r.target;
  }
}

function expected(domain: string, records: readonly FixtureRecord[]): string[] {
  return records
    .map((r) => {
      const name = r.name === '@' ? domain : `${r.name}.${domain}`;
      return `${name} ${r.type} ${r.ttl} ${canonicalRdata(r.type, presentation(r), domain)}`;
    })
    .sort();
}

const cases = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d)) && !d.includes('.') && readdirSync(join(ROOT, d)).some((f) => f.endsWith('.zone')))
  .flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.zone'))
      .map((f) => ({ dir, domain: f.slice(0, -'.zone'.length) })),
  );

describe('DNSControl fixture zone files', () => {
  it('there are fixture zone files to read', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('$dir/$domain.zone reads back to the IR', ({ dir, domain }) => {
    const file = join(ROOT, dir, `${domain}.zone`);
    const result = readZone(readFileSync(file), { origin: domain, file });
    expect(result.diagnostics).toEqual([]);
    const ir = JSON.parse(readFileSync(join(ROOT, `${dir}.json`), 'utf8')) as { domains: { name: string; records: FixtureRecord[] }[] };
    const d = ir.domains.find((x) => x.name === domain);
    expect(d).toBeDefined();
    const got = result.records.map((r) => `${r.name} ${r.type} ${r.ttl} ${r.rdata}`).sort();
    expect(got).toEqual(expected(domain, d!.records));
    // And our writer's version of the same records reads back to them.
    const again = readZone(formatZone(result.records, { zone: domain }), { origin: domain, file: 'rewritten' });
    expect(again.records.map((r) => `${r.name} ${r.type} ${r.ttl} ${r.rdata}`).sort()).toEqual(got);
  });
});
