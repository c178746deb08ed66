/**
 * Conversion between canonical records and Cloudflare's record JSON, for every type the provider
 * holds, checked against the local server's independent reading of what the API stores.
 */
import { describe, expect, it } from 'vitest';
import { canonicalRdata } from '../../../src/records/registry.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { AUTO_TTL, patchBody, postBody, recordFromNative, wireTtl, type NativeRecord } from '../../../providers/cloudflare/convert.js';
import { rdataFromValue, valueFromRdata } from '../../../providers/cloudflare/rdata.js';
import { storedValue } from '../../servers/cloudflare/content.js';

const ZONE = 'example.com';
const ORIGIN = `${ZONE}.`;
const HEX64 = '0123456789abcdef'.repeat(4);
const OFF = { proxyDefault: 'off', manageComments: false, manageTags: false } as const;
const MANAGED = { proxyDefault: 'off', manageComments: true, manageTags: true } as const;

/** [type, presentation text] for every type the provider writes. */
const SAMPLES: [string, string][] = [
  ['A', '192.0.2.1'],
  ['AAAA', '2001:db8::1'],
  ['CNAME', 'www.example.net.'],
  ['NS', 'ns1.example.net.'],
  ['PTR', 'host.example.net.'],
  ['MX', '10 mail.example.com.'],
  ['MX', '0 .'],
  ['TXT', '"v=spf1 include:_spf.example.net -all"'],
  ['TXT', '""'],
  ['TXT', '"say \\"hi\\"; path=C:\\\\dir\\\\"'],
  ['TXT', '"grüße — 日本語 ✓"'],
  ['TXT', `"${'x'.repeat(700)}"`],
  ['TXT', '"tab\\009and\\255byte"'],
  ['CAA', '0 issue "letsencrypt.org"'],
  ['CAA', '128 iodef "mailto:security@example.com"'],
  ['CAA', '0 issue "letsencrypt.org; validationmethods=dns-01; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1234"'],
  ['SRV', '5 6 7 sip.example.net.'],
  ['SRV', '15 65 75 .'],
  ['DS', `12345 13 2 ${HEX64}`],
  ['SSHFP', '1 1 66c7d5540b7d75a1fb4c84febfa178ad99bdd67c'],
  ['TLSA', `3 1 1 ${HEX64}`],
  ['HTTPS', '1 . alpn="h2,h3" port=8443'],
  ['HTTPS', '0 cdn.example.net.'],
  ['SVCB', '1 dns.example.net. alpn="dot" port=853 ipv4hint=192.0.2.1'],
  ['NAPTR', '100 10 "U" "E2U+sip" "!^.*$!sip:customer-service@example.com!" .'],
  ['NAPTR', '103 20 "A" "E2U+sip" "" example.foo.com.'],
  ['LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m'],
  ['LOC', '42 21 54.500 S 71 6 18.000 W 24.30m 30m 10m 10m'],
];

function native(type: string, rdata: string, extra: Partial<NativeRecord> = {}): NativeRecord {
  // What the API would store and return for this value (the server's reading of the request).
  const v = storedValue(type === 'ALIAS' ? 'CNAME' : type, valueFromRdata(type, rdata) as Record<string, unknown>);
  return { id: 'f'.repeat(32), name: `x.${ZONE}`, type: type === 'ALIAS' ? 'CNAME' : type, ttl: 300, ...v, ...extra };
}

describe('Cloudflare record values', () => {
  it.each(SAMPLES)('%s %s survives the trip through the API', (type, text) => {
    const rdata = canonicalRdata(type, text, ORIGIN);
    const n = native(type, rdata);
    expect(rdataFromValue(type, n, ORIGIN)).toBe(rdata);
  });

  it('sends data-typed records as data and the rest as content', () => {
    expect(valueFromRdata('SRV', '5 6 7 sip.example.net.')).toEqual({ data: { priority: 5, weight: 6, port: 7, target: 'sip.example.net' } });
    expect(valueFromRdata('MX', '10 mail.example.com.')).toEqual({ content: 'mail.example.com', priority: 10 });
    expect(valueFromRdata('CAA', '0 issue "letsencrypt.org"')).toEqual({ data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } });
    expect(valueFromRdata('LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m')).toEqual({
      data: { lat_degrees: 52, lat_minutes: 22, lat_seconds: 23, lat_direction: 'N', long_degrees: 4, long_minutes: 53, long_seconds: 32, long_direction: 'E', altitude: -2, size: 1, precision_horz: 10000, precision_vert: 10 },
    });
    expect(valueFromRdata('ALIAS', 'lb.example.net.')).toEqual({ content: 'lb.example.net' });
  });

  it('splits long TXT into quoted strings of at most 255 octets and joins what Cloudflare splits', () => {
    const rdata = canonicalRdata('TXT', `"${'a'.repeat(600)}"`, ORIGIN);
    const content = valueFromRdata('TXT', rdata).content!;
    expect(content.split('" "').map((s) => s.replace(/"/g, '').length)).toEqual([255, 255, 90]);
    // Cloudflare splits strings over 255 octets on its own; either way the record reads back whole.
    expect(rdataFromValue('TXT', { content: `"${'a'.repeat(300)}" "${'a'.repeat(300)}"` }, ORIGIN)).toBe(`"${'a'.repeat(600)}"`);
  });

  it('reads TXT stored unquoted before Cloudflare required quotes, as the literal text', () => {
    expect(rdataFromValue('TXT', { content: 'v=spf1 include:_spf.example.net -all' }, ORIGIN)).toBe('"v=spf1 include:_spf.example.net -all"');
    expect(rdataFromValue('TXT', { content: 'say "hi"' }, ORIGIN)).toBe('"say \\"hi\\""');
    expect(rdataFromValue('TXT', { content: '"unterminated' }, ORIGIN)).toBe('"\\"unterminated"');
  });

  it('falls back to the formatted content when data is missing', () => {
    expect(rdataFromValue('CAA', { content: '0 issue "letsencrypt.org"' }, ORIGIN)).toBe('0 issue "letsencrypt.org"');
    expect(rdataFromValue('SRV', { content: '6 7 sip.example.net', priority: 5 }, ORIGIN)).toBe('5 6 7 sip.example.net.');
    expect(rdataFromValue('DS', { content: `12345 13 2 ${HEX64.toUpperCase()}` }, ORIGIN)).toBe(`12345 13 2 ${HEX64}`);
  });
});

describe('Cloudflare records → zonesmith records', () => {
  const base: NativeRecord = { id: 'a'.repeat(32), name: 'WWW.Example.COM', type: 'A', ttl: 1, content: '192.0.2.1', proxied: false };

  it('reads names lower-case, TTL 1 as 300, and the proxy status of A/AAAA/CNAME', () => {
    const r = recordFromNative(base, ZONE, OFF);
    expect(r).toMatchObject({ kind: 'record', unreadable: false, record: { name: 'www.example.com', type: 'A', ttl: AUTO_TTL, rdata: '192.0.2.1' } });
    // Not proxied is the default and carries no key (ENSURE_ABSENT_REC records match as written).
    expect((r as { record: DnsRecord }).record.meta).toBeUndefined();
    expect(recordFromNative({ ...base, proxied: true }, ZONE, OFF)).toMatchObject({ record: { meta: { cloudflare_proxy: 'on' } } });
    const mx = recordFromNative({ ...base, type: 'MX', content: 'mail.example.com', priority: 10, ttl: 3600 }, ZONE, OFF);
    expect(mx).toMatchObject({ record: { ttl: 3600, rdata: '10 mail.example.com.' } });
    expect((mx as { record: DnsRecord }).record.meta).toBeUndefined();
    expect((mx as { record: DnsRecord }).record.native).toMatchObject({ id: 'a'.repeat(32) });
  });

  it('reads an apex CNAME as ALIAS, skips apex NS, and reads CNAME flattening', () => {
    expect(recordFromNative({ ...base, name: ZONE, type: 'CNAME', content: 'lb.example.net' }, ZONE, OFF)).toMatchObject({ record: { type: 'ALIAS', rdata: 'lb.example.net.' } });
    expect(recordFromNative({ ...base, name: ZONE, type: 'NS', content: 'ada.ns.cloudflare.com' }, ZONE, OFF)).toEqual({ kind: 'skipped', reason: 'apex-ns' });
    expect(recordFromNative({ ...base, type: 'NS', content: 'ns1.example.net' }, ZONE, OFF)).toMatchObject({ record: { type: 'NS' } });
    expect(recordFromNative({ ...base, type: 'CNAME', content: 'x.example.net', settings: { flatten_cname: true } }, ZONE, OFF)).toMatchObject({
      record: { meta: { cloudflare_cname_flatten: 'on' } },
    });
  });

  it('reads comments and tags only when the domain manages them, tags in canonical order', () => {
    const n = { ...base, comment: 'web front', tags: ['team:web', 'env:prod', 'team:web'] };
    expect((recordFromNative(n, ZONE, OFF) as { record: DnsRecord }).record.meta).toBeUndefined();
    expect((recordFromNative(n, ZONE, MANAGED) as { record: DnsRecord }).record.meta).toEqual({ cloudflare_comment: 'web front', cloudflare_tags: 'env:prod,team:web' });
    expect((recordFromNative({ ...base, comment: null, tags: [], proxied: true }, ZONE, MANAGED) as { record: DnsRecord }).record.meta).toEqual({ cloudflare_proxy: 'on' });
  });

  it('keeps a value it cannot read, by its content text, so it can still be diffed and deleted', () => {
    const r = recordFromNative({ ...base, type: 'URI', content: '10 1 "https://example.com/"' }, ZONE, OFF);
    expect(r).toMatchObject({ kind: 'record', unreadable: true, record: { type: 'URI', rdata: '10 1 "https://example.com/"' } });
    expect(recordFromNative({ ...base, content: '999.1.1.1' }, ZONE, OFF)).toMatchObject({ unreadable: true, record: { rdata: '999.1.1.1' } });
  });
});

describe('zonesmith records → Cloudflare requests', () => {
  const a = (ttl: number, meta?: Record<string, string>): DnsRecord => ({ name: `www.${ZONE}`, type: 'A', ttl, rdata: '192.0.2.1', ...(meta ? { meta } : {}) });

  it('writes TTL 300 and proxied records as automatic, other TTLs as they are', () => {
    expect(wireTtl(a(300))).toBe(1);
    expect(wireTtl(a(600, { cloudflare_proxy: 'on' }))).toBe(1);
    expect(wireTtl(a(600, { cloudflare_proxy: 'off' }))).toBe(600);
  });

  it('posts the full record; comments, tags and flattening only when set and managed', () => {
    expect(postBody(a(3600, { cloudflare_proxy: 'on', cloudflare_comment: 'c', cloudflare_tags: 'b:1,a:2' }), OFF)).toEqual({ name: `www.${ZONE}`, type: 'A', ttl: 1, content: '192.0.2.1', proxied: true });
    expect(postBody(a(3600, { cloudflare_proxy: 'off', cloudflare_comment: 'c', cloudflare_tags: 'b:1,a:2' }), MANAGED)).toEqual({
      name: `www.${ZONE}`, type: 'A', ttl: 3600, content: '192.0.2.1', proxied: false, comment: 'c', tags: ['a:2', 'b:1'],
    });
    const cname: DnsRecord = { name: `w.${ZONE}`, type: 'CNAME', ttl: 300, rdata: 'x.example.net.', meta: { cloudflare_proxy: 'off', cloudflare_cname_flatten: 'on' } };
    expect(postBody(cname, OFF)).toMatchObject({ type: 'CNAME', content: 'x.example.net', settings: { flatten_cname: true } });
    expect(postBody({ name: ZONE, type: 'ALIAS', ttl: 300, rdata: 'lb.example.net.', meta: { cloudflare_proxy: 'off' } }, OFF)).toEqual({ name: ZONE, type: 'CNAME', ttl: 1, content: 'lb.example.net', proxied: false });
    expect(postBody({ name: `_s._tcp.${ZONE}`, type: 'SRV', ttl: 600, rdata: '1 2 3 t.example.net.' }, OFF)).toEqual({ name: `_s._tcp.${ZONE}`, type: 'SRV', ttl: 600, data: { priority: 1, weight: 2, port: 3, target: 't.example.net' } });
  });

  it('patches by id, clearing a managed comment and leaving unmanaged ones alone', () => {
    const before = a(300, { cloudflare_proxy: 'off', cloudflare_comment: 'old' });
    const after = a(600, { cloudflare_proxy: 'off' });
    expect(patchBody('id1', before, after, OFF)).toEqual({ id: 'id1', name: `www.${ZONE}`, type: 'A', ttl: 600, content: '192.0.2.1', proxied: false });
    expect(patchBody('id1', before, after, MANAGED)).toEqual({ id: 'id1', name: `www.${ZONE}`, type: 'A', ttl: 600, content: '192.0.2.1', proxied: false, comment: '', tags: [] });
    const c = (flatten?: string): DnsRecord => ({ name: `w.${ZONE}`, type: 'CNAME', ttl: 300, rdata: 'x.example.net.', meta: { cloudflare_proxy: 'off', ...(flatten ? { cloudflare_cname_flatten: flatten } : {}) } });
    expect(patchBody('id2', c('on'), c(), OFF)['settings']).toEqual({ flatten_cname: false });
    expect(patchBody('id2', c(), c('on'), OFF)['settings']).toEqual({ flatten_cname: true });
    expect(patchBody('id2', c('on'), c('on'), OFF)).not.toHaveProperty('settings');
  });
});
