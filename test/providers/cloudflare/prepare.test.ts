/** prepareDesired and audit: desired records in Cloudflare's form, and what Cloudflare cannot hold. */
import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { cloudflareProvider } from '../../../providers/cloudflare/index.js';
import { rec, zoneRef } from './support.js';

const ZONE = 'example.com';

function instance(creds: Record<string, string> = {}) {
  return cloudflareProvider.create(cloudflareProvider.parseSettings({ apitoken: 'x-token-for-tests', baseurl: 'http://127.0.0.1:9/client/v4', ...creds }, {}), { log: () => undefined, configDir: '.' });
}

function prepared(records: DnsRecord[], meta: Record<string, string> = {}, creds: Record<string, string> = {}) {
  const p = instance(creds);
  const z = zoneRef(ZONE, meta);
  const out = p.prepareDesired!(records, z);
  const issues = p.audit!(out, z).map((i) => `${i.issue.severity} ${i.issue.code} ${i.record.name} ${i.record.type}`);
  return { out: out.map((r) => ({ name: r.name, type: r.type, ttl: r.ttl, meta: r.meta ?? {} })), issues };
}

describe('CLOUDFLAREAPI prepareDesired', () => {
  it('fills the proxy status from the domain default and reads full as on', () => {
    const records = [rec(ZONE, 'a', 'A', '192.0.2.1'), rec(ZONE, 'b', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'FULL' }), rec(ZONE, 'c', 'CNAME', 'a'), rec(ZONE, '@', 'MX', '10 mail')];
    expect(prepared(records).out.map((r) => r.meta)).toEqual([{}, { cloudflare_proxy: 'on' }, {}, {}]);
    expect(prepared([rec(ZONE, 'a', 'A', '192.0.2.1', 300, { cloudflare_proxy: 'off' }), rec(ZONE, '@', 'MX', '10 mail', 300, { cloudflare_proxy: 'off' })], { cloudflare_proxy_default: 'on' }).out.map((r) => r.meta)).toEqual([{}, {}]);
    expect(prepared(records, { cloudflare_proxy_default: 'on' }).out.map((r) => r.meta)).toEqual([{ cloudflare_proxy: 'on' }, { cloudflare_proxy: 'on' }, { cloudflare_proxy: 'on' }, {}]);
  });

  it('gives proxied records the automatic TTL and raises TTLs below the minimum, with warnings', () => {
    const { out, issues } = prepared([rec(ZONE, 'p', 'A', '192.0.2.1', 3600, { cloudflare_proxy: 'on' }), rec(ZONE, 'q', 'A', '192.0.2.2', 30), rec(ZONE, 'r', 'A', '192.0.2.3', 30)], {}, {});
    expect(out.map((r) => r.ttl)).toEqual([300, 60, 60]);
    expect(issues).toEqual(['warning cloudflare-proxied-ttl p.example.com A', 'warning cloudflare-ttl-raised q.example.com A', 'warning cloudflare-ttl-raised r.example.com A']);
    expect(prepared([rec(ZONE, 'q', 'A', '192.0.2.2', 30)], {}, { min_ttl: '30' }).out[0]!.ttl).toBe(30);
  });

  it('drops apex NS, turns ALIAS below the apex into CNAME and an apex CNAME into ALIAS', () => {
    const { out } = prepared([rec(ZONE, '@', 'NS', 'ada.ns.cloudflare.com.'), rec(ZONE, 'sub', 'NS', 'ns1.example.net.'), rec(ZONE, '@', 'ALIAS', 'lb.example.net.'), rec(ZONE, 'w', 'ALIAS', 'lb.example.net.'), rec(ZONE, '@', 'CNAME', 'lb.example.net.')]);
    expect(out.map((r) => `${r.name} ${r.type}`)).toEqual(['sub.example.com NS', 'example.com ALIAS', 'w.example.com CNAME', 'example.com ALIAS']);
  });

  it('keeps comments and tags only when managed, tags canonical; warns when they are ignored', () => {
    const records = [rec(ZONE, 'a', 'TXT', '"x"', 300, { cloudflare_comment: 'note', cloudflare_tags: 'z:1,a:2,z:1' })];
    const unmanaged = prepared(records);
    expect(unmanaged.out[0]!.meta).toEqual({});
    expect(unmanaged.issues).toEqual(['warning cloudflare-comment-unmanaged a.example.com TXT', 'warning cloudflare-tags-unmanaged a.example.com TXT']);
    const managed = prepared(records, { cloudflare_manage_comments: 'true', cloudflare_manage_tags: 'true' });
    expect(managed.out[0]!.meta).toEqual({ cloudflare_comment: 'note', cloudflare_tags: 'a:2,z:1' });
    expect(managed.issues).toEqual([]);
    expect(prepared([rec(ZONE, 'a', 'TXT', '"x"', 300, { cloudflare_comment: '', cloudflare_tags: ' , ' })], { cloudflare_manage_comments: 'true', cloudflare_manage_tags: 'true' }).out[0]!.meta).toEqual({});
  });

  it('keeps CNAME flattening only as on, below the apex', () => {
    const { out } = prepared([rec(ZONE, 'f', 'CNAME', 'x.example.net.', 300, { cloudflare_cname_flatten: 'ON' }), rec(ZONE, 'g', 'CNAME', 'x.example.net.', 300, { cloudflare_cname_flatten: 'off' }), rec(ZONE, '@', 'ALIAS', 'x.example.net.', 300, { cloudflare_cname_flatten: 'on' })]);
    expect(out.map((r) => r.meta)).toEqual([{ cloudflare_cname_flatten: 'on' }, {}, {}]);
  });
});

describe('CLOUDFLAREAPI audit', () => {
  it('refuses what Cloudflare cannot hold', () => {
    const { issues } = prepared([
      rec(ZONE, 'mx', 'MX', '10 mail', 300, { cloudflare_proxy: 'on' }),
      rec(ZONE, 'bad', 'A', '192.0.2.1', 300, { cloudflare_proxy: 'maybe' }),
      rec(ZONE, 'fp', 'CNAME', 'x.example.net.', 300, { cloudflare_proxy: 'on', cloudflare_cname_flatten: 'on' }),
      rec(ZONE, 'fa', 'A', '192.0.2.1', 300, { cloudflare_cname_flatten: 'on' }),
      rec(ZONE, 'fx', 'CNAME', 'x.example.net.', 300, { cloudflare_cname_flatten: 'sometimes' }),
      rec(ZONE, 'long', 'A', '192.0.2.1', 86401),
      rec(ZONE, '@', 'DS', `1 13 2 ${'ab'.repeat(32)}`),
      rec(ZONE, 'big', 'TXT', `"${'x'.repeat(4100)}"`),
      rec(ZONE, 'fine', 'TXT', `"${'x'.repeat(4000)}"`),
    ]);
    expect(issues).toEqual([
      'error cloudflare-proxy-type mx.example.com MX',
      'error cloudflare-proxy-invalid bad.example.com A',
      'error cloudflare-flatten-proxied fp.example.com CNAME',
      'error cloudflare-flatten-type fa.example.com A',
      'error cloudflare-flatten-invalid fx.example.com CNAME',
      'error cloudflare-ttl-too-long long.example.com A',
      'error cloudflare-ds-apex example.com DS',
      'error cloudflare-record-too-large big.example.com TXT',
    ]);
  });

  it('reports an unreadable domain proxy default', () => {
    expect(prepared([rec(ZONE, 'a', 'A', '192.0.2.1')], { cloudflare_proxy_default: 'sometimes' }).issues).toContain('error cloudflare-proxy-default-invalid a.example.com A');
  });
});
