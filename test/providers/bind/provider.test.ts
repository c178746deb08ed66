/**
 * The BIND provider through the same planning and pushing code the CLI uses: reading, applying,
 * idempotence, SOA and NS handling, serials, settings, file names, zone listing and creation.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bindProvider, createBindInstance, parseSettings } from '../../../providers/bind/index.js';
import type { IrDomain } from '../../../src/ir/types.js';
import type { ProviderDefinition, ZoneRef } from '../../../src/provider/types.js';
import { gatherZone, type ZoneWork } from '../../../src/reconcile/gather.js';
import { domainNameservers } from '../../../src/reconcile/nameservers.js';
import { pushWork } from '../../../src/reconcile/push.js';
import { ProviderSession } from '../../../src/reconcile/session.js';
import { rdataFromArgs } from '../../../src/records/registry.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { checkzone, expectCheckzoneOk, lines, tempDir } from './helpers.js';

const ZONE = 'example.com';
const tmp = tempDir();
afterAll(() => tmp.cleanup());
let dirCount = 0;

/** A fresh config directory and a provider whose clock the test sets. */
function setup(creds: Record<string, string> = {}, meta: Record<string, unknown> = {}) {
  const configDir = join(tmp.dir, `cfg${dirCount++}`);
  mkdirSync(configDir);
  const clock = { now: new Date('2026-11-25T12:00:00Z') };
  const logs: string[] = [];
  const definition: ProviderDefinition = { ...bindProvider, create: (s, env) => createBindInstance(s as never, env, { now: () => clock.now }) };
  const session = new ProviderSession(
    new Map([['bind', { name: 'bind', definition, creds, meta, excludeFromDefaults: false }]]),
    { log: (l) => logs.push(l), configDir },
    1,
  );
  const file = (name = `${ZONE}.zone`): string => join(configDir, 'zones', name);
  /** Plans and pushes a domain with these records; returns the first and second plan. */
  const run = async (records: DnsRecord[], opts: { nsCount?: number; nameservers?: string[] } = {}): Promise<{ first: ZoneWork; second: ZoneWork }> => {
    const domain = irDomain(records, opts.nsCount ?? -1, opts.nameservers ?? []);
    const live = session.get('bind');
    const ns = await domainNameservers(domain, session);
    const first = await gatherZone(domain, live, ns, { force: true });
    expect(first.plan.error).toBeUndefined();
    const [pushed] = await pushWork([first], { concurrency: 1, log: (l) => logs.push(l) });
    expect(pushed?.error).toBeUndefined();
    // Every file the provider writes must load in BIND.
    if (existsSync(file())) expectCheckzoneOk(ZONE, file());
    const second = await gatherZone(domain, live, ns, { force: true });
    expect(second.plan.changes).toEqual([]);
    return { first, second };
  };
  return { configDir, clock, logs, session, file, run };
}

function irDomain(records: DnsRecord[], nameserverCount: number, nameservers: string[]): IrDomain {
  return {
    name: ZONE, unicodeName: ZONE, tag: '', uniqueName: ZONE, registrar: 'none',
    dnsProviders: [{ name: 'bind', nameserverCount }],
    nameservers: nameservers.map((name) => ({ name })), nameserverTtl: 300,
    records, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, meta: {},
  };
}

const rec = (label: string, type: string, args: unknown[], ttl = 300): DnsRecord => ({
  name: label === '@' ? ZONE : `${label}.${ZONE}`,
  type,
  ttl,
  rdata: rdataFromArgs(type, args, { zone: ZONE }),
});

function soaOf(path: string): string[] {
  const line = readFileSync(path, 'utf8').split('\n').find((l) => / IN SOA /.test(l)) ?? '';
  return line.slice(line.indexOf('SOA') + 3).trim().split(/\s+/);
}

describe('BIND provider settings', () => {
  it('has DNSControl\'s defaults and reads default_soa and default_ns', () => {
    expect(parseSettings({}, {})).toMatchObject({ directory: 'zones', filenameFormat: '%c.zone', defaultNs: [], defaultSoa: { refresh: 3600, retry: 600, expire: 604800, minttl: 1440 } });
    const s = parseSettings(
      { directory: 'dns', filenameformat: 'db_%f', extra: 'x' },
      { default_soa: { master: 'NS1.example.net', mbox: 'spam.example.com.', refresh: 7200, retry: '300', expire: 1209600, minttl: 60 }, default_ns: ['ns1.example.net', 'ns2.example.net.'] },
    );
    expect(s).toMatchObject({
      directory: 'dns',
      filenameFormat: 'db_%f',
      defaultNs: ['ns1.example.net.', 'ns2.example.net.'],
      defaultSoa: { master: 'ns1.example.net.', mbox: 'spam.example.com.', refresh: 7200, retry: 300, expire: 1209600, minttl: 60 },
      notes: ['unknown creds.json key "extra" ignored'],
    });
  });

  it.each([
    [{ filenameformat: 'x%' }, {}, /incomplete "%"/],
    [{ filenameformat: '%c%?' }, {}, /incomplete "%\?"/],
    [{ filenameformat: '%q.zone' }, {}, /"%q" is not a verb/],
    [{ filenameformat: 'static.zone' }, {}, /no verb for the zone name/],
    [{}, { default_soa: { serial: 1 } }, /unknown key "serial"/],
    [{}, { default_soa: { refresh: -1 } }, /default_soa.refresh/],
    [{}, { default_ns: 'ns1.example.net.' }, /must be a list/],
    [{}, { default_ns: ['a..b'] }, /default_ns\[0\]/],
  ])('refuses %j %j', (creds, meta, message) => {
    expect(() => parseSettings(creds, meta)).toThrow(message);
  });
});

describe('BIND file names', () => {
  // DNSControl's table (documentation/provider/bind.md); the raw name is not kept, so %r is %u.
  const refs: ZoneRef[] = [
    { name: 'example.com', meta: {} },
    { name: 'example.com', meta: {}, tag: 'myTag' },
    { name: 'xn--p1ai.com', meta: {}, tag: 'myTag', unicodeName: 'рф.com' },
  ];
  it.each([
    ['%c.zone', ['example.com.zone', 'example.com!myTag.zone', 'xn--p1ai.com!myTag.zone']],
    ['%a.zone', ['example.com.zone', 'example.com.zone', 'xn--p1ai.com.zone']],
    ['%u.zone', ['example.com.zone', 'example.com.zone', 'рф.com.zone']],
    ['%f', ['example.com', 'example.com_myTag', 'xn--p1ai.com_myTag']],
    ['%F', ['example.com', 'myTag_example.com', 'myTag_xn--p1ai.com']],
    ['db_%a%?_%T', ['db_example.com', 'db_example.com_myTag', 'db_xn--p1ai.com_myTag']],
    ['%U.zone', ['example.com.zone', 'example.com!myTag.zone', 'рф.com!myTag.zone']],
    ['%T/%a.zone', ['example.com.zone', 'myTag/example.com.zone', 'myTag/xn--p1ai.com.zone']],
    ['100%%/%a', ['100%/example.com', '100%/example.com', '100%/xn--p1ai.com']],
  ])('%s', async (format, expected) => {
    const { configDir } = setup();
    const inst = createBindInstance(parseSettings({ filenameformat: format }, {}), { log: () => undefined, configDir });
    for (const ref of refs) await inst.ensureZone!(ref);
    for (const [i, f] of expected.entries()) {
      expect(existsSync(join(configDir, 'zones', f)), f).toBe(true);
      expectCheckzoneOk(refs[i]!.name, join(configDir, 'zones', f));
    }
    // The zone list reads the names back (the tag is not part of a zone's name).
    expect(await inst.listZones!()).toEqual(['example.com', 'xn--p1ai.com']);
  });

  it('keeps every file inside the directory', async () => {
    const { configDir } = setup();
    const inst = createBindInstance(parseSettings({ filenameformat: '%T/%a.zone' }, {}), { log: () => undefined, configDir });
    await expect(inst.getRecords({ name: ZONE, meta: {}, tag: '../..' })).rejects.toThrow(/leaves the zone directory/);
  });

  it('resolves a relative directory against the config\'s directory; an absolute one is used as is', async () => {
    const { configDir } = setup();
    const abs = join(tmp.dir, 'absolute-zones');
    for (const directory of ['rel/zones', abs]) {
      const inst = createBindInstance(parseSettings({ directory }, {}), { log: () => undefined, configDir });
      expect(await inst.ensureZone!({ name: ZONE, meta: {} })).toBe(true);
      expect(await inst.ensureZone!({ name: ZONE, meta: {} })).toBe(false);
    }
    expectCheckzoneOk(ZONE, join(configDir, 'rel/zones/example.com.zone'));
    expectCheckzoneOk(ZONE, join(abs, 'example.com.zone'));
  });

  it('lists only files that fit the format', async () => {
    const { configDir } = setup();
    const dir = join(configDir, 'zones');
    mkdirSync(dir, { recursive: true });
    for (const f of ['a.example.zone', 'b.example!in.zone', 'README', 'c.example.zone.bak']) writeFileSync(join(dir, f), '');
    const inst = createBindInstance(parseSettings({}, {}), { log: () => undefined, configDir });
    expect(await inst.listZones!()).toEqual(['a.example', 'b.example']);
  });
});

describe('BIND provider: reading and applying', () => {
  it('reports a missing file as a missing zone and a broken file with every error', async () => {
    const t = setup();
    const inst = t.session.get('bind').instance;
    expect(await inst.getRecords({ name: ZONE, meta: {} })).toBeNull();
    mkdirSync(join(t.configDir, 'zones'));
    writeFileSync(t.file(), '$TTL 300\na A 1.2.3\nb AAAA x\n');
    await expect(inst.getRecords({ name: ZONE, meta: {} })).rejects.toMatchObject({ code: 'bind-zonefile-invalid', diagnostics: [{ source: { line: 2 } }, { source: { line: 3 } }] });
  });

  it('creates a zone, writes the desired records, and the next plan is empty', async () => {
    const t = setup();
    const records = [rec('@', 'A', ['192.0.2.1']), rec('www', 'CNAME', ['@']), rec('@', 'MX', [10, 'mail.example.net.']), rec('t', 'TXT', ['x'.repeat(600)])];
    const { first, second } = await t.run(records);
    expect(first.plan.exists).toBe(false);
    expectCheckzoneOk(ZONE, t.file());
    // No SOA or NS in the config and no default_soa/default_ns: placeholders, and no SOA or NS in any plan.
    const all = second.existing ?? [];
    expect(lines(all.filter((r) => r.type !== 'SOA' && r.type !== 'NS'))).toEqual(lines(records));
    expect(all.find((r) => r.type === 'NS')?.rdata).toBe('default-not-set.invalid.');
    expect(soaOf(t.file())).toEqual(['default-not-set.invalid.', 'hostmaster.example.com.', '2026112501', '3600', '600', '604800', '1440']);
    expect(first.plan.changes.flatMap((c) => c.details).some((d) => ('after' in d ? d.after.type : d.before.type) === 'SOA')).toBe(false);
  });

  it('bumps the serial only when the content changes, and never rewrites an unchanged zone', async () => {
    const t = setup({}, { default_ns: ['ns1.example.net.'] });
    await t.run([rec('a', 'A', ['192.0.2.1'])]);
    const serial1 = soaOf(t.file())[2];
    const bytes1 = readFileSync(t.file());
    const mtime1 = statSync(t.file()).mtimeMs;

    t.clock.now = new Date('2026-11-25T18:00:00Z');
    const same = await t.run([rec('a', 'A', ['192.0.2.1'])]);
    expect(same.first.plan.changes).toEqual([]);
    expect(readFileSync(t.file())).toEqual(bytes1);
    expect(statSync(t.file()).mtimeMs).toBe(mtime1);

    await t.run([rec('a', 'A', ['192.0.2.2'])]);
    const serial2 = soaOf(t.file())[2];
    expect(Number(serial2)).toBe(Number(serial1) + 1);

    t.clock.now = new Date('2026-12-01T00:00:00Z');
    await t.run([rec('a', 'A', ['192.0.2.3'], 600)]);
    expect(soaOf(t.file())[2]).toBe('2026120100');
    expectCheckzoneOk(ZONE, t.file());
  });

  it('apply with content the file already holds does not rewrite it', async () => {
    const t = setup({}, { default_ns: ['ns1.example.net.'] });
    await t.run([rec('a', 'A', ['192.0.2.1'])]);
    const inst = t.session.get('bind').instance;
    const ref = { name: ZONE, meta: {} };
    const existing = (await inst.getRecords(ref))!;
    const before = readFileSync(t.file());
    const applied: unknown[] = [];
    const logs: string[] = [];
    await inst.apply(ref, [], { desired: existing, existing, applied: (c) => applied.push(...c), log: (l) => logs.push(l) });
    expect(readFileSync(t.file())).toEqual(before);
    expect(logs.join('\n')).toMatch(/not rewritten/);
  });

  it('keeps a hand-written SOA (only the serial moves) and a serial already past today counts up', async () => {
    const t = setup();
    mkdirSync(join(t.configDir, 'zones'));
    writeFileSync(t.file(), `$TTL 300\n@ 3600 IN SOA ns.example.org. admin.example.org. ( 2099000099 7200 900 1209600 60 )\n@ NS ns.example.org.\nold A 192.0.2.9\n`);
    const { first } = await t.run([rec('new', 'A', ['192.0.2.1'])]);
    expect(first.plan.changes.flatMap((c) => c.details).map((d) => d.kind).sort()).toEqual(['create', 'delete']);
    expect(soaOf(t.file())).toEqual(['ns.example.org.', 'admin.example.org.', '2099000100', '7200', '900', '1209600', '60']);
    // The file's NS (TTL 300 from its $TTL) is kept as the engine keeps undeclared apex NS.
    expect(readFileSync(t.file(), 'utf8')).toMatch(/\n +300 +IN NS +ns\.example\.org\.\n/);
  });

  it('uses an SOA from the config, managing only its serial; without SOA() the SOA is the provider\'s again', async () => {
    const t = setup({}, { default_ns: ['ns1.example.net.'] });
    await t.run([rec('a', 'A', ['192.0.2.1'])]);
    const soa = rec('@', 'SOA', ['ns1.example.net.', 'dns.example.com.', 7200, 900, 604800, 120], 3600);
    const added = await t.run([soa, rec('a', 'A', ['192.0.2.1'])]);
    expect(added.first.plan.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['create SOA']);
    expect(soaOf(t.file())).toEqual(['ns1.example.net.', 'dns.example.com.', '2026112502', '7200', '900', '604800', '120']);
    expect(readFileSync(t.file(), 'utf8')).toContain('\n; zonesmith: the SOA comes from the config\n');
    expectCheckzoneOk(ZONE, t.file());

    const changed = await t.run([rec('@', 'SOA', ['ns1.example.net.', 'dns.example.com.', 7200, 900, 604800, 300], 3600), rec('a', 'A', ['192.0.2.1'])]);
    expect(changed.first.plan.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['update SOA']);
    expect(soaOf(t.file())[2]).toBe('2026112503');

    // SOA() removed: the plan says the config no longer holds it; the file keeps it, unmanaged.
    const dropped = await t.run([rec('a', 'A', ['192.0.2.1'])]);
    expect(dropped.first.plan.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['delete SOA']);
    expect(soaOf(t.file())).toEqual(['ns1.example.net.', 'dns.example.com.', '2026112503', '7200', '900', '604800', '300']);
    expect(readFileSync(t.file(), 'utf8')).not.toContain('zonesmith: the SOA');
  });

  it('makes the SOA of a new zone from default_soa', async () => {
    const t = setup({}, { default_soa: { master: 'ns9.example.net.', mbox: 'spamtrap.example.com.', refresh: 1000, retry: 100, expire: 100000, minttl: 50 } });
    await t.run([rec('a', 'A', ['192.0.2.1'])]);
    expect(soaOf(t.file())).toEqual(['ns9.example.net.', 'spamtrap.example.com.', '2026112501', '1000', '100', '100000', '50']);
    // No NS declared anywhere: the SOA's primary stands in, so BIND can load the zone.
    expect(readFileSync(t.file(), 'utf8')).toMatch(/IN NS +ns9\.example\.net\.\n/);
    expectCheckzoneOk(ZONE, t.file());
  });

  it('apex NS: default_ns through nameservers(), NAMESERVER() names, or kept when none are declared', async () => {
    const t = setup({}, { default_ns: ['ns1.example.net.', 'ns2.example.net.'] });
    const a = [rec('a', 'A', ['192.0.2.1'])];
    const nsOf = (w: ZoneWork): string[] => (w.existing ?? []).filter((r) => r.type === 'NS').map((r) => r.rdata).sort();
    expect(nsOf((await t.run(a)).second)).toEqual(['ns1.example.net.', 'ns2.example.net.']);
    expect(nsOf((await t.run(a, { nsCount: 1 })).second)).toEqual(['ns1.example.net.']);
    expect(nsOf((await t.run(a, { nsCount: 0, nameservers: ['ns.other.example.'] })).second)).toEqual(['ns.other.example.']);
    // Nothing declared at all: the file's apex NS stay.
    expect(nsOf((await t.run(a, { nsCount: 0 })).second)).toEqual(['ns.other.example.']);
  });

  it('refuses, at plan time, an apex NS inside the zone without an address (BIND would not load it)', async () => {
    const t = setup({}, { default_ns: ['ns1.example.com.'] });
    const domain = irDomain([rec('a', 'A', ['192.0.2.1'])], -1, []);
    const live = t.session.get('bind');
    const work = await gatherZone(domain, live, await domainNameservers(domain, t.session), { force: true });
    expect(work.plan.error).toMatch(/ns1\.example\.com\. is inside the zone but has no A or AAAA/);
    expect(work.diagnostics.map((d) => d.code)).toContain('bind-ns-no-address');
    await t.run([rec('a', 'A', ['192.0.2.1']), rec('ns1', 'A', ['192.0.2.53'])]);
    expect(checkzone(ZONE, t.file()).ok).toBe(true);
  });

  it('keeps split-horizon zones apart by tag', async () => {
    const { configDir } = setup();
    const inst = createBindInstance(parseSettings({}, { default_ns: ['ns1.example.net.'] }), { log: () => undefined, configDir });
    await inst.ensureZone!({ name: ZONE, meta: {}, tag: 'inside' });
    await inst.ensureZone!({ name: ZONE, meta: {}, tag: 'outside' });
    for (const f of ['example.com!inside.zone', 'example.com!outside.zone']) expectCheckzoneOk(ZONE, join(configDir, 'zones', f));
    expect(await inst.nameservers!({ name: ZONE, meta: {} })).toEqual(['ns1.example.net.']);
  });
});

describe('BIND provider SOA primary', () => {
  it("names the zone's own first nameserver when neither default_soa.master nor default_ns is set", async () => {
    const s = setup();
    await s.run([rec('@', 'A', ['192.0.2.1'])], { nameservers: ['ns1.example.net.', 'ns2.example.net.'] });
    expect(soaOf(s.file())[0]).toBe('ns1.example.net.');
  });

  it('keeps the placeholder only when no nameserver is known at all', async () => {
    const s = setup();
    await s.run([rec('@', 'A', ['192.0.2.1'])]);
    expect(soaOf(s.file())[0]).toBe('default-not-set.invalid.');
  });
});
