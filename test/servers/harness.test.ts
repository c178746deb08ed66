import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startBind, startKnot, digAxfr, nsupdate, queryUdp, portIsFree, makeKey, type TestServer } from './index.js';

const started: TestServer[] = [];
async function track(p: Promise<TestServer>): Promise<TestServer> {
  const s = await p;
  started.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

const zone = 'harness.test';

describe('startBind', () => {
  it('serves records given as data, proves its identity, transfers only with the key', async () => {
    const s = await track(startBind({ zones: [{ name: zone, records: [{ name: 'www', type: 'A', rdata: '192.0.2.1' }] }] }));
    const v = await queryUdp(s.host, s.port, { name: 'version.bind', type: 'TXT', class: 'CH' });
    expect(v.values).toEqual([s.id]);
    const recs = await digAxfr(s, zone, s.key);
    expect(recs.map((r) => `${r.name} ${r.type} ${r.rdata}`)).toContain(`www.${zone} A 192.0.2.1`);
    expect(recs.filter((r) => r.type === 'SOA')).toHaveLength(1);
    await expect(digAxfr(s, zone)).rejects.toThrow(/failed/);
    expect(readFileSync(s.zoneFile(zone), 'utf8')).toContain('192.0.2.1');
  });

  it('is strict by default and permissive on request (check-names)', async () => {
    const strict = await track(startBind({ zones: [{ name: zone }] }));
    const loose = await track(startBind({ zones: [{ name: zone }], strict: false }));
    const add = [`update add _u.${zone}. 300 A 192.0.2.9`];
    const refused = await nsupdate(strict, strict.key, add);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/REFUSED/);
    const ok = await nsupdate(loose, loose.key, add);
    expect(ok.code).toBe(0);
    expect((await digAxfr(loose, zone, loose.key)).some((r) => r.name === `_u.${zone}`)).toBe(true);
  });

  it('takes zone text verbatim and several keys with per-zone ACLs', async () => {
    const text = `$ORIGIN other.test.\n$TTL 60\n@ SOA ns.example.net. h.example.net. 7 60 60 600 60\n@ NS ns.example.net.\nmail MX 10 mx.example.net.\n`;
    const s = await track(
      startBind({
        keys: [{ name: 'upd', algorithm: 'hmac-sha512' }, { name: 'xfr', algorithm: 'hmac-sha1' }],
        zones: [{ name: 'other.test', text, update: ['upd'], transfer: ['xfr'] }],
      }),
    );
    const recs = await digAxfr(s, 'other.test', s.keys.xfr);
    expect(recs.find((r) => r.type === 'MX')?.rdata).toBe('10 mx.example.net.');
    await expect(digAxfr(s, 'other.test', s.keys.upd)).rejects.toThrow();
    expect((await nsupdate(s, s.keys.xfr, ['update add a.other.test. 60 A 192.0.2.1'])).code).not.toBe(0);
    expect((await nsupdate(s, s.keys.upd, ['update add a.other.test. 60 A 192.0.2.1'])).code).toBe(0);
  });

  it('fails fast with the daemon log when named exits during startup', async () => {
    const bad = makeKey('bad');
    const t0 = Date.now();
    await expect(
      startBind({ zones: [{ name: zone }], keys: [{ ...bad, algorithm: 'hmac-bogus' as 'hmac-sha256' }] }),
    ).rejects.toThrow(/exited during startup[\s\S]*hmac-bogus/);
    // Fail fast means well before the 15 s readiness timeout.
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('survives a crash: kill, restart on the same port, journal replayed', async () => {
    const s = await track(startBind({ zones: [{ name: zone }] }));
    expect((await nsupdate(s, s.key, [`update add j.${zone}. 300 TXT "kept"`])).code).toBe(0);
    await s.kill();
    await expect(queryUdp(s.host, s.port, { name: zone, type: 'SOA' }, 200)).rejects.toThrow();
    await s.restart();
    expect((await digAxfr(s, zone, s.key)).some((r) => r.name === `j.${zone}` && r.rdata === '"kept"')).toBe(true);
  });

  it('stop removes the temp dir and frees the port', async () => {
    const s = await startBind({ zones: [{ name: zone }] });
    expect(await portIsFree(s.port)).toBe(false);
    await s.stop();
    expect(existsSync(s.dir)).toBe(false);
    expect(await portIsFree(s.port)).toBe(true);
    await s.stop(); // idempotent
  });

  it('starts many instances in parallel on distinct ports, each answering as itself', async () => {
    const servers = await Promise.all(Array.from({ length: 6 }, () => track(startBind({ zones: [{ name: zone }] }))));
    expect(new Set(servers.map((s) => s.port)).size).toBe(servers.length);
    // One identity query each: BIND rate-limits CHAOS answers (about 3 a second).
    for (const s of servers) {
      const v = await queryUdp(s.host, s.port, { name: 'version.bind', type: 'TXT', class: 'CH' });
      expect(v.values).toEqual([s.id]);
    }
  });
});

describe('startKnot', () => {
  it('serves the zone, answers as itself, denies unsigned transfers, takes signed updates', async () => {
    const s = await track(startKnot({ zones: [{ name: zone, records: [{ name: 'www', type: 'AAAA', rdata: '2001:db8::1' }] }] }));
    expect((await queryUdp(s.host, s.port, { name: 'version.bind', type: 'TXT', class: 'CH' })).values).toEqual([s.id]);
    expect((await digAxfr(s, zone, s.key)).some((r) => r.type === 'AAAA' && r.rdata === '2001:db8::1')).toBe(true);
    await expect(digAxfr(s, zone)).rejects.toThrow();
    expect((await nsupdate(s, s.key, [`update add _u.${zone}. 300 A 192.0.2.9`])).code).toBe(0);
    expect((await digAxfr(s, zone, s.key)).some((r) => r.name === `_u.${zone}`)).toBe(true);
  });

  it('keeps updates across a crash (journal) and restarts on the same port', async () => {
    const s = await track(startKnot({ zones: [{ name: zone }] }));
    expect((await nsupdate(s, s.key, [`update add j.${zone}. 300 TXT "kept"`])).code).toBe(0);
    await s.kill();
    await s.restart();
    expect((await digAxfr(s, zone, s.key)).some((r) => r.name === `j.${zone}`)).toBe(true);
  });
});

describe('portIsFree', () => {
  it('sees a port held by a plain TCP listener', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    expect(await portIsFree(port)).toBe(false);
    await new Promise<void>((r) => srv.close(() => r()));
  });
});
