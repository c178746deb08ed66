import { describe, expect, it } from 'vitest';
import type { RawConfig, RawDomain, RawRecord } from '../../src/dsl/raw-types.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import { parseDomainName } from '../../src/ir/normalize-domain.js';
import { normalizeLabel } from '../../src/ir/labels.js';

const at = (line: number) => ({ file: 'dnsconfig.ts', line, column: 3 });

function domain(over: Partial<RawDomain> = {}): RawDomain {
  return {
    name: 'example.com', registrar: 'reg', dnsProviders: [], records: [], absent: [], nameservers: [], noPurge: false,
    ignores: [], disableIgnoreSafetyCheck: false, meta: {}, source: at(1), ...over,
  };
}

function rec(type: string, label: string, args: unknown[], over: Partial<RawRecord> = {}): RawRecord {
  return { type, label, args, meta: {}, ...over };
}

function config(domains: RawDomain[], over: Partial<RawConfig> = {}): RawConfig {
  return { registrars: [{ name: 'reg', type: 'NONE', meta: {} }], dnsProviders: [{ name: 'dns', type: 'bind', meta: { directory: 'zones' } }], domains, ...over };
}

describe('domain names', () => {
  it('splits the tag, drops the final dot, lower-cases and converts IDN', () => {
    expect(parseDomainName('Example.COM.')).toEqual({ name: 'example.com', unicodeName: 'example.com', tag: '', uniqueName: 'example.com' });
    expect(parseDomainName('example.com!')).toEqual({ name: 'example.com', unicodeName: 'example.com', tag: '', uniqueName: 'example.com' });
    expect(parseDomainName('Bücher.Example!inside')).toEqual({
      name: 'xn--bcher-kva.example', unicodeName: 'bücher.example', tag: 'inside', uniqueName: 'xn--bcher-kva.example!inside',
    });
    expect(parseDomainName('xn--bcher-kva.example')).toMatchObject({ unicodeName: 'bücher.example' });
    expect(parseDomainName('*.example.com')).toBe('domain name "*.example.com" contains "*"');
    expect(parseDomainName(5)).toBe('the domain name must be a string');
  });
});

describe('labels', () => {
  it('follows DNSControl: @, absolute names in the zone, IDN, classless reverse labels', () => {
    expect(normalizeLabel('@', 'example.com', 'A', false)).toEqual({ ok: true, short: '@', fqdn: 'example.com' });
    expect(normalizeLabel('example.com.', 'example.com', 'A', false)).toEqual({ ok: true, short: '@', fqdn: 'example.com' });
    expect(normalizeLabel('Foo.Example.com.', 'example.com', 'A', false)).toEqual({ ok: true, short: 'foo', fqdn: 'foo.example.com' });
    expect(normalizeLabel('München', 'example.com', 'A', false)).toEqual({ ok: true, short: 'xn--mnchen-3ya', fqdn: 'xn--mnchen-3ya.example.com' });
    expect(normalizeLabel('*.dev', 'example.com', 'A', false)).toEqual({ ok: true, short: '*.dev', fqdn: '*.dev.example.com' });
    expect(normalizeLabel('foo.example.com', 'example.com', 'A', true)).toEqual({ ok: true, short: 'foo.example.com', fqdn: 'foo.example.com.example.com' });
    expect(normalizeLabel('0/26', '2.0.192.in-addr.arpa', 'CNAME', false)).toMatchObject({ ok: true, fqdn: '0/26.2.0.192.in-addr.arpa' });
  });
});

describe('normalizeConfig', () => {
  it('normalises a domain completely', () => {
    const { ir, diagnostics } = normalizeConfig(
      config([
        domain({
          dnsProviders: [{ name: 'dns', nsCount: 2 }],
          nameservers: [{ name: 'NS1.example.net.' }, { name: 'ns2' }],
          nameserverTtl: 86400,
          defaultTtl: 600,
          noPurge: true,
          ignores: [{ label: '', types: ' txt, mx', target: '' }],
          ignoreExternalDns: { prefix: 'extdns-' },
          autoDnssec: 'on',
          meta: { no_ns: 'true', n: 5, flag: true, obj: { a: 1 }, gone: null },
          safety: { maxDeleteFraction: 0.5, minExisting: 20 },
          records: [
            rec('A', '@', ['192.0.2.1'], { ttl: 0, source: at(2) }),
            rec('mx', 'Mail', [10, 'mx1'], { ttl: 600, meta: { cloudflare_proxy: 'on', weight: 3 } }),
            rec('TYPE15', 'mail', [20, 'mx2.example.net.'], { ttl: 600 }),
          ],
          absent: [rec('A', 'old', ['192.0.2.9'])],
        }),
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(ir.registrars).toEqual([{ name: 'reg', type: 'NONE', meta: {} }]);
    expect(ir.dnsProviders).toEqual([{ name: 'dns', type: 'BIND', meta: { directory: 'zones' } }]);
    expect(ir.domains).toEqual([
      {
        name: 'example.com', unicodeName: 'example.com', tag: '', uniqueName: 'example.com', registrar: 'reg',
        dnsProviders: [{ name: 'dns', nameserverCount: 2 }],
        nameservers: [{ name: 'ns1.example.net.' }, { name: 'ns2.example.com.' }],
        nameserverTtl: 86400,
        defaultTtl: 600,
        autoDnssec: 'on',
        records: [
          { name: 'example.com', type: 'A', ttl: 300, rdata: '192.0.2.1', source: at(2) },
          { name: 'mail.example.com', type: 'MX', ttl: 600, rdata: '10 mx1.example.com.', meta: { cloudflare_proxy: 'on', weight: '3' } },
          { name: 'mail.example.com', type: 'MX', ttl: 600, rdata: '20 mx2.example.net.' },
        ],
        absent: [{ name: 'old.example.com', type: 'A', ttl: 300, rdata: '192.0.2.9' }],
        handsOff: { purge: false, ignores: [{ label: '*', types: 'TXT,MX', target: '*' }], externalDnsPrefix: 'extdns-', disableIgnoreSafetyCheck: false },
        safety: { maxDeleteFraction: 0.5, minExisting: 20 },
        meta: { no_ns: 'true', n: '5', flag: 'true', obj: '{"a":1}' },
        source: at(1),
      },
    ]);
  });

  it('declares the "none" registrar DNSControl configs use without NewRegistrar', () => {
    const { ir, diagnostics } = normalizeConfig(config([domain({ registrar: 'none' })], { registrars: [] }));
    expect(diagnostics).toEqual([]);
    expect(ir.registrars).toEqual([{ name: 'none', type: 'NONE', meta: {} }]);
    expect(normalizeConfig(config([domain({ registrar: 'None' })], { registrars: [] })).diagnostics.map((d) => d.code)).toEqual(['unknown-registrar']);
  });

  it('reads a missing or "-" provider type as "from creds.json"', () => {
    const { ir } = normalizeConfig(config([], { registrars: [{ name: 'a', type: '-', meta: {} }, { name: 'b', type: null, meta: {} }] }));
    expect(ir.registrars).toEqual([{ name: 'a', meta: {} }, { name: 'b', meta: {} }]);
  });

  it('checks safety thresholds and the DNSSEC switch', () => {
    const { diagnostics } = normalizeConfig(
      config([domain({ safety: { maxUpdateFraction: -0.1, maxDeleteFraction: 2, minExisting: 1.5 }, autoDnssec: 'maybe' as 'on' })]),
    );
    expect(diagnostics.map((d) => `${d.code} ${d.domain} ${d.source?.line}`)).toEqual([
      'invalid-safety-threshold example.com 1',
      'invalid-safety-threshold example.com 1',
      'invalid-safety-threshold example.com 1',
      'invalid-autodnssec example.com 1',
    ]);
  });

  it('puts the domain on every diagnostic, with the tag', () => {
    const { diagnostics } = normalizeConfig(config([domain({ name: 'example.com!in', records: [rec('A', '', ['192.0.2.1'])] })]));
    expect(diagnostics.map((d) => [d.code, d.domain])).toEqual([['empty-label', 'example.com!in']]);
  });

  it('survives garbage from an untrusted sandbox without throwing', () => {
    const junk = {
      registrars: 'x',
      dnsProviders: [{ name: 7, type: 3, meta: [] }],
      domains: [
        { name: 'example.com', registrar: 5, dnsProviders: [{ name: 'q', nsCount: 'x' }], records: [{ type: 5, label: 3, args: 'x', meta: 'm' }, { type: 'A', label: 3, args: [], meta: null }], absent: 'x', nameservers: [{ name: 5 }], ignores: [{ label: 5 }], meta: 'x' },
        { name: null },
      ],
    } as unknown as RawConfig;
    const { diagnostics } = normalizeConfig(junk);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'invalid-provider-name', 'unknown-registrar', 'unknown-dns-provider', 'invalid-nameserver', 'unknown-record-type', 'invalid-label', 'invalid-ignore-rule', 'invalid-domain-name',
    ]);
  });
});
