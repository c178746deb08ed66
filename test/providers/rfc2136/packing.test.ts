import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { ByteReader } from '../../../src/records/wire.js';
import { rdataFromWire } from '../../../src/records/registry.js';
import { planUpdate, UpdatePlanner } from '../../../providers/rfc2136/update-plan.js';
import { encodeUpdate } from '../../../providers/rfc2136/update-send.js';
import { makeTsigKey, signMessage, tsigRecordBytes } from '../../../providers/rfc2136/tsig.js';
import { startBind, startKnot, type TestServer } from '../../servers/index.js';
import { baseRecords, digRecords, lines, providerFor, push, rec } from './helpers.js';

const zone = 'pack.test';
const key = makeTsigKey('hmac-sha256', 'zs-key', randomBytes(32))!;
const create = (r: DnsRecord): Change => ({ kind: 'create', name: r.name, type: r.type, before: [], after: [r], details: [{ kind: 'create', after: r }] });
const del = (r: DnsRecord): Change => ({ kind: 'delete', name: r.name, type: r.type, before: [r], after: [], details: [{ kind: 'delete', before: r }] });

/** `n` TXT records with values of varying length (so item sizes differ). */
function manyTxt(n: number, prefix = 'r'): DnsRecord[] {
  return Array.from({ length: n }, (_, i) => rec(zone, `${prefix}${i}`, 'TXT', `"${'v'.repeat(20 + (i % 50))} ${i}"`));
}

/** Our own walk of an UPDATE's prerequisite and update sections (dns-packet reads 4 octets for an A even when RDLENGTH is 0). */
function sections(msg: Buffer): { prereqs: string[]; updates: string[] } {
  const r = new ByteReader(msg, 12);
  r.nameLower();
  r.offset += 4;
  const read = (n: number): string[] =>
    Array.from({ length: n }, () => {
      const name = r.nameLower();
      const type = r.u16();
      const klass = r.u16();
      r.u32();
      const len = r.u16();
      const data = len === 0 ? '-' : rdataFromWire(type, msg, r.offset, len).rdata;
      r.offset += len;
      return `${name} ${klass === 1 ? 'IN' : klass === 254 ? 'NONE' : klass === 255 ? 'ANY' : klass} ${data}`;
    });
  return { prereqs: read(msg.readUInt16BE(6)), updates: read(msg.readUInt16BE(8)) };
}

function plan(changes: Change[], existing: DnsRecord[] = []) {
  return planUpdate(changes, existing, { zone, maxMessageBytes: 65535, tsigBytes: tsigRecordBytes(key), server: 'test' });
}

describe('planUpdate (pure)', () => {
  it('uses exactly the byte lower bound for N changes, every message within 65,535 octets', () => {
    for (const n of [1, 10, 999, 4000, 12_345]) {
      const p = plan(manyTxt(n).map(create));
      expect(p.messages.length).toBe(p.lowerBound);
      expect(p.lowerBound).toBe(Math.ceil(p.payloadBytes / p.capacity));
      expect(Math.max(...p.messages.map((m) => m.bytes))).toBeLessThanOrEqual(65535);
      expect(p.messages.flatMap((m) => m.changes).length).toBe(n);
    }
  });

  it('plans message sizes that equal the signed wire size', () => {
    const p = plan(manyTxt(3000).map(create));
    for (const m of p.messages) {
      const wire = signMessage(encodeUpdate(zone, m, 1), key, 1_790_000_000).wire;
      expect(wire.length).toBe(m.bytes);
    }
    // At least one message is filled to within one item of the limit.
    expect(Math.max(...p.messages.map((m) => m.bytes))).toBeGreaterThan(65535 - 200);
  });

  it('keeps the change order across messages and puts deletes before adds inside each', () => {
    const old = manyTxt(2000, 'old');
    const fresh = manyTxt(2000, 'new');
    // Interleaved: delete old_i, create new_i.
    const changes = old.flatMap((o, i) => [del(o), create(fresh[i]!)]);
    const p = plan(changes, old);
    expect(p.messages.length).toBeGreaterThan(1);
    expect(p.messages.flatMap((m) => m.changes)).toEqual(changes);
    for (const m of p.messages) {
      const classes = sections(encodeUpdate(zone, m, 1)).updates.map((u) => u.split(' ')[1]);
      const firstAdd = classes.indexOf('IN');
      expect(firstAdd).toBeGreaterThan(0);
      expect(classes.slice(firstAdd).every((c) => c === 'IN')).toBe(true);
      expect(classes.slice(0, firstAdd).every((c) => c === 'NONE')).toBe(true);
    }
  });

  it('guards each RRset once: the RRset as read, or "does not exist"', () => {
    const a1 = rec(zone, 'www', 'A', '192.0.2.1');
    const a2 = rec(zone, 'www', 'A', '192.0.2.2');
    const a3 = rec(zone, 'www', 'A', '192.0.2.3');
    const n = rec(zone, 'new', 'A', '192.0.2.9');
    const p = plan([del(a1), create(a3), create(n)], [a1, a2]);
    const s = sections(encodeUpdate(zone, p.messages[0]!, 1));
    expect(s.prereqs).toEqual([`www.${zone}. IN 192.0.2.1`, `www.${zone}. IN 192.0.2.2`, `new.${zone}. NONE -`]);
    expect(s.updates).toEqual([`www.${zone}. NONE 192.0.2.1`, `www.${zone}. IN 192.0.2.3`, `new.${zone}. IN 192.0.2.9`]);
  });

  it('sends apex NS adds before any delete, so the zone never loses its last NS', () => {
    const oldNs = rec(zone, '@', 'NS', 'ns-old.example.net.');
    const newNs = rec(zone, '@', 'NS', 'ns-new.example.net.');
    const p = plan([del(oldNs), create(newNs)], [oldNs]);
    expect(sections(encodeUpdate(zone, p.messages[0]!, 1)).updates).toEqual([`${zone}. IN ns-new.example.net.`, `${zone}. NONE ns-old.example.net.`]);
  });

  it('refuses a single change bigger than a message, and names outside the zone', () => {
    const huge = Array.from({ length: 400 }, (_, i) => rec(zone, 'big', 'TXT', `"${'z'.repeat(200)}${i}"`));
    // One change replacing a 400-record RRset: its value prerequisite alone is too big, so it falls
    // back to "RRset exists"; the deletes still exceed a message only when they do not fit.
    const change: Change = { kind: 'delete', name: `big.${zone}`, type: 'TXT', before: huge, after: [], details: [] };
    expect(() => plan([change], huge)).toThrowError(expect.objectContaining({ code: 'rfc2136-change-too-large' }));
    const outside = rec('other.test', 'www', 'A', '192.0.2.1');
    expect(() => plan([create(outside)])).toThrowError(expect.objectContaining({ code: 'rfc2136-name-outside-zone' }));
  });

  it('detects a change that cannot fit before building any message (check), and builds lazily the same plan', () => {
    const huge = Array.from({ length: 400 }, (_, i) => rec(zone, 'big', 'TXT', `"${'z'.repeat(200)}${i}"`));
    const changes = [...manyTxt(3000).map(create), { kind: 'delete' as const, name: `big.${zone}`, type: 'TXT', before: huge, after: [], details: [] }];
    const planner = new UpdatePlanner(changes, huge, { zone, maxMessageBytes: 65535, tsigBytes: 79, server: 'test' });
    expect(() => planner.check()).toThrowError(expect.objectContaining({ code: 'rfc2136-change-too-large' }));
    expect(planner.stats().messages).toBe(0);
    const ok = manyTxt(3000).map(create);
    const lazy = new UpdatePlanner(ok, [], { zone, maxMessageBytes: 65535, tsigBytes: 79, server: 'test' });
    lazy.check();
    const sizes: number[] = [];
    for (let m = lazy.next(); m; m = lazy.next()) sizes.push(m.bytes);
    expect(sizes).toEqual(planUpdate(ok, [], { zone, maxMessageBytes: 65535, tsigBytes: 79, server: 'test' }).messages.map((m) => m.bytes));
  });

  it('fits UDP messages in 512 octets, and no two neighbouring messages could be one', () => {
    // With items this large against 512 octets the byte bound cannot always be met; the greedy cut
    // is still the fewest contiguous messages: each message plus the next one's first item overflows.
    const changes = manyTxt(50).map(create);
    const p = planUpdate(changes, [], { zone, maxMessageBytes: 512, tsigBytes: tsigRecordBytes(key), server: 'test' });
    expect(p.messages.every((m) => m.bytes <= 512)).toBe(true);
    expect(p.messages.length).toBeGreaterThanOrEqual(p.lowerBound);
    for (let i = 0; i + 1 < p.messages.length; i++) {
      const next = planUpdate([p.messages[i + 1]!.changes[0]!], [], { zone, maxMessageBytes: 512, tsigBytes: tsigRecordBytes(key), server: 'test' });
      expect(p.messages[i]!.bytes + next.payloadBytes).toBeGreaterThan(512);
    }
  });
});

describe.each([
  ['BIND', () => startBind({ zones: [{ name: zone }] })],
  ['Knot', () => startKnot({ zones: [{ name: zone }] })],
] as const)('pushing many changes to %s', (_n, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends exactly the lower-bound number of messages, each committed and reported in order', async () => {
    const p = providerFor(server);
    const records = manyTxt(6000);
    const desired = [...baseRecords(zone), ...records];
    const res = await push(p, zone, desired);
    const stats = p.lastApply!;
    expect(stats.messages).toBe(stats.lowerBound);
    expect(stats.lowerBound).toBe(Math.ceil(stats.payloadBytes / stats.capacity));
    expect(stats.messages).toBeGreaterThanOrEqual(5);
    expect(Math.max(...stats.messageBytes)).toBeGreaterThan(65535 - 200); // the server took near-full messages
    expect(res.batches.length).toBe(stats.messages);
    expect(res.batches.flat()).toEqual(res.changes);
    expect(res.second).toEqual([]);
    expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
  });

  it('replaces them all (deletes + creates) in the lower-bound number of messages', async () => {
    const p = providerFor(server);
    const desired = [...baseRecords(zone), ...manyTxt(3000, 'n')];
    const res = await push(p, zone, desired);
    expect(p.lastApply!.messages).toBe(p.lastApply!.lowerBound);
    expect(res.second).toEqual([]);
  });
});
