import { describe, it, expect, afterEach } from 'vitest';
import { connect, createServer, type Server } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { startBind, startKnot, keyString, makeKey, type TestServer } from '../../servers/index.js';
import { applyContext, baseRecords, diffRecords, digRecords, lines, providerFor, push, rec } from './helpers.js';

const zone = 'fault.test';
const ref = { name: zone, meta: {} };
const servers: TestServer[] = [];
let tcp: Server | undefined;
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await new Promise<void>((r) => (tcp ? tcp.close(() => r()) : r()));
  tcp = undefined;
});
async function started(p: Promise<TestServer>): Promise<TestServer> {
  const s = await p;
  servers.push(s);
  return s;
}

/** Runs `fn`, expecting a ZonesmithError. */
async function failure(fn: () => Promise<unknown>): Promise<ZonesmithError> {
  const err = await fn().then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ZonesmithError);
  return err as ZonesmithError;
}

/** Applies the diff from `existing` to `desired`; returns the error and the batches reported. */
async function applyExpectingError(p: ReturnType<typeof providerFor>, existing: DnsRecord[], desired: DnsRecord[]) {
  const ctx = applyContext(existing, desired);
  const err = await failure(() => p.apply(ref, diffRecords(existing, desired), ctx));
  return { err, batches: ctx.batches };
}

const www = rec(zone, 'www', 'A', '192.0.2.1');
const wanted = (): DnsRecord[] => [...baseRecords(zone), www, rec(zone, 'added', 'TXT', '"x"')];

describe.each([
  ['BIND', (o: Parameters<typeof startBind>[0]) => startBind(o)],
  ['Knot', (o: Parameters<typeof startKnot>[0]) => startKnot(o)],
] as const)('faults on %s', (_n, start) => {
  it('wrong secret: NOTAUTH/BADSIG on read and on write, naming server and zone, never the secret', async () => {
    const s = await started(start({ zones: [{ name: zone, records: [www] }] }));
    const wrong = { ...s.key, secret: randomBytes(32).toString('base64') };
    const p = providerFor(s, { 'update-key': keyString(wrong), 'transfer-key': keyString(wrong) });
    const readErr = await failure(() => p.getRecords(ref));
    expect(readErr.code).toBe('rfc2136-tsig-badsig');
    const existing = (await providerFor(s).getRecords(ref))!;
    const { err, batches } = await applyExpectingError(p, existing, wanted());
    expect(err.code).toBe('rfc2136-tsig-badsig');
    for (const e of [readErr, err]) {
      expect(e.message).toContain(`RFC2136 127.0.0.1:${s.port}, zone ${zone}`);
      expect(e.message).toMatch(/BADSIG/);
      expect(e.message).not.toContain(wrong.secret);
      expect(e.message).not.toContain(s.key.secret);
    }
    expect(err.message).toMatch(/message 1 and later not applied/);
    expect(batches).toEqual([]);
    expect(lines(await digRecords(s, zone))).toEqual(lines([...baseRecords(zone), www]));
  });

  it('unknown key name: NOTAUTH/BADKEY', async () => {
    const s = await started(start({ zones: [{ name: zone }] }));
    const stranger = makeKey('stranger');
    const err = await failure(() => providerFor(s, { 'transfer-key': keyString(stranger) }).getRecords(ref));
    expect(err.code).toBe('rfc2136-tsig-badkey');
    expect(err.message).toContain('stranger');
  });

  it('skewed clock: NOTAUTH/BADTIME with the offset, nothing applied', async () => {
    const s = await started(start({ zones: [{ name: zone, records: [www] }] }));
    const existing = (await providerFor(s).getRecords(ref))!;
    const skewed = providerFor(s, {}, { now: () => Date.now() + 3600_000 });
    const { err, batches } = await applyExpectingError(skewed, existing, wanted());
    expect(err.code).toBe('rfc2136-tsig-badtime');
    expect(err.message).toMatch(/clock is 3[56]\d\d s off/);
    expect(batches).toEqual([]);
    expect((await failure(() => skewed.getRecords(ref))).code).toBe('rfc2136-tsig-badtime');
  });

  it('a server refusing updates: REFUSED (BIND) or NOTAUTH/BADKEY (Knot), reads still work', async () => {
    const s = await started(start({ zones: [{ name: zone, records: [www], update: 'none' }] }));
    const p = providerFor(s);
    const existing = (await p.getRecords(ref))!;
    const { err, batches } = await applyExpectingError(p, existing, wanted());
    // Knot 3.2 answers a key its ACL does not admit with NOTAUTH/BADKEY (verified 3.2.6, 2026-11).
    expect(err.code).toBe(s.kind === 'bind' ? 'rfc2136-refused' : 'rfc2136-tsig-badkey');
    expect(err.message).toMatch(s.kind === 'bind' ? /allow-update ACL/ : /ACL/);
    expect(err.message).toContain(`zone ${zone}`);
    expect(batches).toEqual([]);
  });

  it('a denied transfer: a clear error, not an empty zone', async () => {
    const s = await started(start({ zones: [{ name: zone, records: [www], transfer: 'none' }] }));
    const err = await failure(() => providerFor(s).getRecords(ref));
    expect(err.code).toBe(s.kind === 'bind' ? 'rfc2136-transfer-denied' : 'rfc2136-tsig-badkey');
    expect(err.message).toMatch(s.kind === 'bind' ? /denied \((REFUSED|NOTAUTH)\)/ : /ACL/);
    expect(err.message).toContain(`127.0.0.1:${s.port}`);
    expect(err.message).toContain('zone transfer (AXFR)');
  });

  it('killed in the middle of a multi-message push: the error says what is known; the re-run converges, nothing lost', async () => {
    const s = await started(start({ zones: [{ name: zone }] }));
    const p = providerFor(s);
    const bulk = Array.from({ length: 5000 }, (_, i) => rec(zone, `k${i}`, 'TXT', `"${'k'.repeat(70)} ${i}"`));
    const desired = [...baseRecords(zone), ...bulk];
    const existing = (await p.getRecords(ref))!;
    const changes = diffRecords(existing, desired);
    const ctx = applyContext(existing, desired);
    const applied = ctx.applied;
    let killed = false;
    const err = await failure(() =>
      p.apply(ref, changes, {
        ...ctx,
        applied: (c) => {
          applied(c);
          if (!killed) {
            killed = true;
            void s.kill(); // SIGKILL is sent synchronously, before the next message goes out
          }
        },
      }),
    );
    expect(p.lastApply!.messages).toBeGreaterThanOrEqual(3);
    expect(['rfc2136-connection-lost', 'rfc2136-connection-refused', 'rfc2136-network']).toContain(err.code);
    expect(err.message).toContain(`zone ${zone}`);
    expect(err.message).toMatch(/messages? 1(-\d+)? applied \(\d+ of 5000 changes\)/);
    expect(ctx.batches.length).toBeGreaterThanOrEqual(1);
    await s.restart();
    // Everything reported applied survived the crash.
    const held = new Set(lines(await digRecords(s, zone)));
    expect(ctx.batches.flat().flatMap((c) => c.after).every((r) => held.has(lines([r])[0]!))).toBe(true);
    const again = await push(p, zone, desired);
    expect(again.second).toEqual([]);
    expect(lines(await digRecords(s, zone))).toEqual(lines(desired));
  });

  it('NOERROR but silently ignored (CNAME beside other data, last apex NS): an error naming the records', async () => {
    const kept = rec(zone, 'dual', 'A', '192.0.2.5');
    const s = await started(start({ zones: [{ name: zone, records: [kept] }] }));
    const p = providerFor(s);
    const existing = (await p.getRecords(ref))!;
    // Desired keeps the A (as IGNORE would) and adds a CNAME at the same name; and drops the apex NS.
    const cname = rec(zone, 'dual', 'CNAME', 'target.example.net.');
    const desired = [rec(zone, 'dummy-ns', 'A', '127.0.0.1'), kept, cname];
    const { err, batches } = await applyExpectingError(p, existing, desired);
    expect(err.code).toBe('rfc2136-not-applied');
    expect(err.message).toContain(`not added: dual.${zone} 300 CNAME target.example.net.`);
    expect(err.message).toContain(`not removed: ${zone} 300 NS dummy-ns.${zone}.`);
    expect(err.diagnostics.map((d) => d.code).sort()).toEqual(['rfc2136-record-not-added', 'rfc2136-record-not-removed']);
    expect(batches.length).toBe(1); // the server did commit the message
  });
});

describe('transport faults', () => {
  it('connection refused when the server is down: nothing applied', async () => {
    const s = await started(startBind({ zones: [{ name: zone }] }));
    const p = providerFor(s);
    const existing = (await p.getRecords(ref))!;
    await s.kill();
    expect((await failure(() => p.getRecords(ref))).code).toBe('rfc2136-connection-refused');
    const { err, batches } = await applyExpectingError(p, existing, wanted());
    expect(err.code).toBe('rfc2136-connection-refused');
    expect(err.message).toMatch(/message 1 and later not sent/);
    expect(batches).toEqual([]);
  });

  it('a server that accepts but never answers: a timeout naming server and zone', async () => {
    // Reads (so it notices our close) but never answers.
    tcp = createServer((sock) => sock.resume());
    await new Promise<void>((r) => tcp!.listen(0, '127.0.0.1', r));
    const port = (tcp.address() as { port: number }).port;
    const s = { address: `127.0.0.1:${port}`, key: makeKey() } as TestServer;
    const p = providerFor(s, { timeout: '0.3' });
    const err = await failure(() => p.getRecords(ref));
    expect(err.code).toBe('rfc2136-timeout');
    expect(err.message).toContain(`RFC2136 127.0.0.1:${port}, zone ${zone}: zone transfer (AXFR): timed out`);
    const { err: werr } = await applyExpectingError(p, [], [...baseRecords(zone)]);
    expect(werr.code).toBe('rfc2136-timeout');
    expect(werr.message).toMatch(/whether message 1 was applied is unknown/);
  });
});

describe('a server that closes the connection after every answer', () => {
  it('reconnects for each message and completes the push', async () => {
    const s = await started(startBind({ zones: [{ name: zone }] }));
    // A proxy that passes one answer per connection, then closes it (as some servers do).
    let connections = 0;
    tcp = createServer((client) => {
      connections++;
      const up = connect(s.port, '127.0.0.1');
      client.on('data', (d) => up.write(d));
      client.on('error', () => up.destroy());
      client.on('close', () => up.destroy());
      up.on('error', () => client.destroy());
      let buf = Buffer.alloc(0);
      up.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          client.end(buf.subarray(0, 2 + buf.readUInt16BE(0)));
          up.destroy();
        }
      });
    });
    await new Promise<void>((r) => tcp!.listen(0, '127.0.0.1', r));
    const port = (tcp.address() as { port: number }).port;
    const p = providerFor(s, { master: `127.0.0.1:${port}`, 'transfer-server': s.address });
    const desired = [...baseRecords(zone), ...Array.from({ length: 3000 }, (_, i) => rec(zone, `c${i}`, 'TXT', `"${'c'.repeat(60)} ${i}"`))];
    const res = await push(p, zone, desired);
    expect(p.lastApply!.messages).toBeGreaterThanOrEqual(3);
    expect(res.batches.length).toBe(p.lastApply!.messages);
    expect(connections).toBe(p.lastApply!.messages);
    expect(res.second).toEqual([]);
  });
});

describe('update-mode udp', () => {
  it('pushes over UDP in 512-octet messages', async () => {
    const s = await started(startBind({ zones: [{ name: zone }] }));
    const p = providerFor(s, { 'update-mode': 'udp' });
    const desired = [...baseRecords(zone), ...Array.from({ length: 40 }, (_, i) => rec(zone, `u${i}`, 'A', `192.0.2.${i + 1}`))];
    const res = await push(p, zone, desired);
    expect(res.second).toEqual([]);
    expect(p.lastApply!.messages).toBeGreaterThan(1);
    expect(Math.max(...p.lastApply!.messageBytes)).toBeLessThanOrEqual(512);
  });
});
