import type { Granularity } from '../../src/diff/types.js';
import type { IrHandsOff } from '../../src/ir/types.js';
import { assemblePlan, failedZonePlan, planZone } from '../../src/plan/build.js';
import type { Plan, ZonePlan } from '../../src/plan/types.js';
import type { DnsRecord } from '../../src/records/types.js';

export const PURGE: IrHandsOff = { purge: true, ignores: [], disableIgnoreSafetyCheck: false };

/** A record in `zone` from a relative label; `line` gives it a dnsconfig.ts location. */
export function rec(zone: string, label: string, type: string, rdata: string, ttl = 300, line?: number): DnsRecord {
  return {
    name: label === '@' ? zone : `${label}.${zone}`,
    type,
    ttl,
    rdata,
    ...(line !== undefined ? { source: { file: 'dnsconfig.ts', line, column: 3 } } : {}),
  };
}

export function zonePlan(
  zone: string,
  existing: DnsRecord[] | null,
  desired: DnsRecord[],
  opts: { provider?: string; providerType?: string; granularity?: Granularity; handsOff?: IrHandsOff; force?: boolean; unicodeName?: string } = {},
): ZonePlan {
  return planZone({
    domain: zone,
    zone,
    unicodeName: opts.unicodeName ?? zone,
    provider: opts.provider ?? 'r53',
    providerType: opts.providerType ?? 'ROUTE53',
    granularity: opts.granularity ?? 'rrset',
    desired,
    existing,
    absent: [],
    handsOff: opts.handsOff ?? PURGE,
    force: opts.force ?? false,
  }).zone;
}

/** DNSControl's documented preview: example.com on Route 53 (with IGNOREd records), example.net on Cloudflare. */
export function smallPlan(): Plan {
  const c = 'example.com';
  const com = zonePlan(
    c,
    [rec(c, '@', 'MX', '10 mail.example.com.'), rec(c, 'old', 'CNAME', 'foo.example.com.'), rec(c, '_acme-challenge', 'TXT', '"xyz"'), rec(c, 'dyn', 'A', '10.0.0.1')],
    [rec(c, '@', 'MX', '20 mx.example.com.', 300, 4), rec(c, 'www', 'A', '1.2.3.4', 300, 5)],
    { handsOff: { purge: true, disableIgnoreSafetyCheck: false, ignores: [{ label: '_acme-challenge', types: 'TXT', target: '*' }, { label: 'dyn', types: '*', target: '*' }] } },
  );
  const n = 'example.net';
  const net = zonePlan(n, [rec(n, '@', 'TXT', '"v=spf1 -all"', 60)], [rec(n, '@', 'TXT', '"v=spf1 -all"', 300, 9)], {
    provider: 'cloudflare',
    providerType: 'CLOUDFLAREAPI',
    granularity: 'record',
  });
  const none = zonePlan('example.org', [rec('example.org', 'www', 'A', '1.1.1.1')], [rec('example.org', 'www', 'A', '1.1.1.1', 300, 12)], { provider: 'bind', providerType: 'BIND', granularity: 'zone' });
  return assemblePlan([com, net, none]);
}

/** TXT data written to break a table or inject HTML, Markdown, mentions or terminal escapes. */
export const HOSTILE_TXT = [
  '"</td></tr></table><script>alert(1)</script><img src=x onerror=alert(2)>"',
  '"| a | b |\\010| c | d |"',
  '"```js\\010evil()\\010```"',
  '"`code` **bold** _em_ [link](https://evil.example) ![img](https://evil.example/x.png)"',
  '"@octocat #1 :shipit: &amp; &lt;b&gt; <!-- zonesmith:plan -->"',
  '"\\027[31mred\\027[0m \\226\\128\\174reversed"',
  // Not canonical presentation text, but renderers must survive it: a raw line break, ESC, U+202E.
  '"raw\nnewline | and \u001b[2J clear \u202e rtl"',
];

export function hostilePlan(): Plan {
  const z = 'hostile.example';
  const desired = HOSTILE_TXT.map((t, i) => rec(z, `t${i}`, 'TXT', t, 300, 20 + i));
  const existing = [rec(z, 'old', 'TXT', '"<b>was</b> | here"')];
  return assemblePlan([zonePlan(z, existing, [...desired, rec(z, 'old', 'TXT', '"<i>now</i> | `there`"')], { granularity: 'record' })]);
}

/** A zone of 20 records where 7 are deleted (35% > 30%) and the apex NS changes. */
export function blockedPlan(force = false): Plan {
  const z = 'blocked.example';
  const hosts = Array.from({ length: 18 }, (_, i) => rec(z, `h${i}`, 'A', `192.0.2.${i + 1}`));
  const ns = (h: string) => rec(z, '@', 'NS', `${h}.dns.example.net.`);
  const existing = [ns('a'), ns('b'), ...hosts];
  const desired = [ns('a'), ns('c'), ...hosts.slice(7)];
  return assemblePlan([zonePlan(z, existing, desired, { force, provider: 'gcloud', providerType: 'GCLOUD' })]);
}

export function errorPlan(): Plan {
  const ok = zonePlan('ok.example', [], [rec('ok.example', 'www', 'A', '192.0.2.1', 300, 3)], { provider: 'bind', providerType: 'BIND', granularity: 'zone' });
  const failed = failedZonePlan(
    { domain: 'broken.example', unicodeName: 'broken.example', provider: 'cloudflare', providerType: 'CLOUDFLAREAPI', granularity: 'record' },
    'reading the zone failed: HTTP 403 Forbidden\n{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}',
  );
  return assemblePlan([ok, failed]);
}

/** Three zones with 1,500, 2,000 and 40 creates: far over GitHub's comment limit. */
export function largePlan(): Plan {
  const zones = [
    ['big1.example', 1500],
    ['big2.example', 2000],
    ['small.example', 40],
  ] as const;
  return assemblePlan(
    zones.map(([z, count]) =>
      zonePlan(z, [], Array.from({ length: count }, (_, i) => rec(z, `host-${i}`, 'TXT', `"record number ${i} with some padding text to make the row longer"`, 300, i + 1)), {
        provider: 'bind',
        providerType: 'BIND',
        granularity: 'zone',
      }),
    ),
  );
}
