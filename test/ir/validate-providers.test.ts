import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import { validateProviders, type ProviderFacts } from '../../src/ir/validate-providers.js';
import { can, cannot } from '../../src/provider/types.js';
import { rawConfig } from './support/evaluate.js';

const CONFIG = `var REG = NewRegistrar("none");
var CF = NewDnsProvider("cloudflare", "CLOUDFLAREAPI");
var R53 = NewDnsProvider("ROUTE53");
var LATER = NewDnsProvider("later");
D("example.com", REG, DnsProvider(CF), DnsProvider(R53), DnsProvider(LATER),
  A("@", "192.0.2.1"),
  MX("@", 10, "mail"),
  LOC("geo", 52, 22, 23, "N", 4, 53, 32, "E", -2, 0, 0, 0),
  DS("@", 60485, 5, 1, "2BB183AF5F22588179A53B0A98631FAD1A292118"),
  NS("child", "ns1.example.net."),
  DS("child", 60485, 5, 1, "2BB183AF5F22588179A53B0A98631FAD1A292118"),
  CAA("@", "issue", "letsencrypt.org"),
);
`;

const cloudflare: ProviderFacts = {
  type: 'CLOUDFLAREAPI',
  capabilities: { records: { CAA: can(), A: can() }, features: { dsForChildren: can() } },
};
const route53: ProviderFacts = {
  type: 'ROUTE53',
  capabilities: { records: { CAA: can(), LOC: cannot('the API has no LOC type'), MX: cannot('test: declared cannot') }, features: {} },
};

describe('validateProviders', async () => {
  const { ir, diagnostics } = normalizeConfig(await rawConfig(CONFIG, 'dnsconfig.js'));

  it('reports each record a provider cannot hold, at the record', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = validateProviders(ir, new Map([['cloudflare', cloudflare], ['ROUTE53', route53]])).map(formatDiagnostic);
    expect(out).toEqual([
      'dnsconfig.js:8:3: error[provider-cannot-hold]: provider cloudflare (CLOUDFLAREAPI) cannot hold LOC records',
      'dnsconfig.js:9:3: error[provider-cannot-hold]: provider cloudflare (CLOUDFLAREAPI) cannot hold DS records at the apex',
      'dnsconfig.js:7:3: error[provider-cannot-hold]: provider ROUTE53 cannot hold MX records (test: declared cannot)',
      'dnsconfig.js:8:3: error[provider-cannot-hold]: provider ROUTE53 cannot hold LOC records (the API has no LOC type)',
      'dnsconfig.js:9:3: error[provider-cannot-hold]: provider ROUTE53 cannot hold DS records at the apex',
      'dnsconfig.js:11:3: error[provider-cannot-hold]: provider ROUTE53 cannot hold DS records',
    ]);
  });

  it('lets a DS capability cover the apex too, and skips providers it knows nothing about', () => {
    const full: ProviderFacts = { type: 'BIND', capabilities: { records: { LOC: can(), DS: can(), CAA: can() }, features: {} } };
    expect(validateProviders(ir, new Map([['cloudflare', full]]))).toEqual([]);
    expect(validateProviders(ir, new Map())).toEqual([]);
  });
});
