import { describe, it, expect } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import dnsPacket from 'dns-packet';
import { signMessage, findTsig, TsigVerifier, makeTsigKey, tsigRecordBytes, badTimeServerTime, type TsigKey } from '../../../providers/rfc2136/tsig.js';
import { TsigFailure } from '../../../providers/rfc2136/errors.js';

// The test builds its own wire bytes straight from RFC 8945 §4 so the code under test is checked
// against an independent reading of the RFC, not against itself.
const wireName = (n: string): Buffer => Buffer.concat([...n.replace(/\.$/, '').split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
const be = (v: number, bytes: number): Buffer => {
  const b = Buffer.alloc(bytes);
  b.writeUIntBE(v, 0, bytes);
  return b;
};

function query(id: number): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: 0, questions: [{ name: 'example.test', type: 'AXFR', class: 'IN' }] });
}

function response(id: number, extra = 'a'): Buffer {
  return dnsPacket.encode({ type: 'response', id, flags: 0, answers: [{ name: `${extra}.example.test`, type: 'A', class: 'IN', ttl: 300, data: '192.0.2.1' }] });
}

/** Appends a TSIG RR the way a server does; `digest` is everything the MAC covers before R. */
function serverSign(r: Buffer, key: TsigKey, prefix: Buffer[], time: number, full: boolean, opts: { error?: number; other?: Buffer; fudge?: number } = {}): { msg: Buffer; mac: Buffer } {
  const fudge = opts.fudge ?? 300;
  const error = opts.error ?? 0;
  const other = opts.other ?? Buffer.alloc(0);
  const alg = wireName(key.algorithm);
  const timers = Buffer.concat([be(time, 6), be(fudge, 2)]);
  const vars = full ? Buffer.concat([wireName(key.name), be(255, 2), be(0, 4), alg, timers, be(error, 2), be(other.length, 2), other]) : timers;
  const mac = createHmac(key.hash, key.secret).update(Buffer.concat([...prefix, r, vars])).digest();
  const rdata = Buffer.concat([alg, timers, be(mac.length, 2), mac, r.subarray(0, 2), be(error, 2), be(other.length, 2), other]);
  const rr = Buffer.concat([wireName(key.name), be(250, 2), be(255, 2), be(0, 4), be(rdata.length, 2), rdata]);
  const msg = Buffer.concat([r, rr]);
  msg.writeUInt16BE(msg.readUInt16BE(10) + 1, 10);
  return { msg, mac };
}

const key = makeTsigKey('hmac-sha256', 'Zs-Key', randomBytes(32))!;
const T = 1_790_000_000;
const clock = (): number => T * 1000;

describe('signMessage (RFC 8945 §4.3)', () => {
  it('MACs the message plus the TSIG variables and appends the TSIG RR last', () => {
    const q = query(0x1234);
    const { wire, mac } = signMessage(q, key, T);
    const vars = Buffer.concat([wireName('zs-key.'), be(255, 2), be(0, 4), wireName('hmac-sha256.'), be(T, 6), be(300, 2), be(0, 2), be(0, 2)]);
    const expected = createHmac('sha256', key.secret).update(Buffer.concat([q, vars])).digest();
    expect(mac.equals(expected)).toBe(true);
    expect(wire.readUInt16BE(10)).toBe(1); // ARCOUNT now counts the TSIG
    expect(wire.subarray(0, q.length).subarray(12).equals(q.subarray(12))).toBe(true);
    const t = findTsig(wire)!;
    expect(t).toMatchObject({ keyName: 'zs-key.', algorithm: 'hmac-sha256.', timeSigned: T, fudge: 300, originalId: 0x1234, error: 0 });
    expect(t.mac.equals(expected)).toBe(true);
    expect(wire.length).toBe(q.length + tsigRecordBytes(key));
  });

  it('writes time signed as 48 bits (values beyond 2^32 survive)', () => {
    const far = 2 ** 33 + 5;
    expect(findTsig(signMessage(query(1), key, far).wire)!.timeSigned).toBe(far);
  });

  it('accepts every DNSControl algorithm spelling', () => {
    for (const [spelling, canonical] of [['hmac-sha1', 'hmac-sha1.'], ['sha384', 'hmac-sha384.'], ['HMAC-SHA512', 'hmac-sha512.'], ['md5', 'hmac-md5.sig-alg.reg.int.'], ['sha224', 'hmac-sha224.']]) {
      expect(makeTsigKey(spelling!, 'k', Buffer.alloc(16))?.algorithm).toBe(canonical);
    }
    expect(makeTsigKey('hmac-sha3', 'k', Buffer.alloc(16))).toBeUndefined();
  });
});

describe('TsigVerifier', () => {
  it('verifies a response chained to the request MAC, and rejects a tampered one', () => {
    const { mac } = signMessage(query(7), key, T);
    const r = response(7);
    const { msg } = serverSign(r, key, [be(mac.length, 2), mac], T + 2, true);
    expect(new TsigVerifier(key, mac, clock).check(msg).kind).toBe('verified');
    const tampered = Buffer.from(msg);
    tampered[r.length - 1] = tampered[r.length - 1]! ^ 1; // last octet of the A record
    expect(() => new TsigVerifier(key, mac, clock).check(tampered)).toThrowError(expect.objectContaining({ reason: 'bad-mac' }));
  });

  it('rejects a MAC made with another secret, another key name, or no TSIG at all', () => {
    const { mac } = signMessage(query(7), key, T);
    const other = makeTsigKey('hmac-sha256', 'zs-key', randomBytes(32))!;
    const forged = serverSign(response(7), other, [be(mac.length, 2), mac], T, true).msg;
    expect(() => new TsigVerifier(key, mac, clock).check(forged)).toThrowError(expect.objectContaining({ reason: 'bad-mac' }));
    const renamed = makeTsigKey('hmac-sha256', 'another', key.secret)!;
    expect(() => new TsigVerifier(key, mac, clock).check(serverSign(response(7), renamed, [be(mac.length, 2), mac], T, true).msg)).toThrowError(
      expect.objectContaining({ reason: 'wrong-key' }),
    );
    expect(() => new TsigVerifier(key, mac, clock).check(response(7))).toThrowError(expect.objectContaining({ reason: 'unsigned' }));
  });

  it('checks the response time against its fudge', () => {
    const { mac } = signMessage(query(7), key, T);
    const late = serverSign(response(7), key, [be(mac.length, 2), mac], T - 301, true).msg;
    expect(() => new TsigVerifier(key, mac, clock).check(late)).toThrowError(expect.objectContaining({ reason: 'bad-time' }));
    const edge = serverSign(response(7), key, [be(mac.length, 2), mac], T - 300, true).msg;
    expect(new TsigVerifier(key, mac, clock).check(edge).kind).toBe('verified');
  });

  it('reports server TSIG errors (BADSIG with an empty MAC, BADTIME with the server time)', () => {
    const { mac } = signMessage(query(7), key, T);
    const r = response(7);
    // BADSIG: MAC size 0.
    const alg = wireName(key.algorithm);
    const rdata = Buffer.concat([alg, be(T, 6), be(300, 2), be(0, 2), r.subarray(0, 2), be(16, 2), be(0, 2)]);
    const badsig = Buffer.concat([r, wireName(key.name), be(250, 2), be(255, 2), be(0, 4), be(rdata.length, 2), rdata]);
    badsig.writeUInt16BE(1, 10);
    const c1 = new TsigVerifier(key, mac, clock).check(badsig);
    expect(c1.kind === 'server-error' && c1.tsig.error).toBe(16);
    const badtime = serverSign(r, key, [be(mac.length, 2), mac], T, true, { error: 18, other: be(T + 3600, 6) }).msg;
    const c2 = new TsigVerifier(key, mac, clock).check(badtime);
    expect(c2.kind).toBe('server-error');
    if (c2.kind === 'server-error') expect(badTimeServerTime(c2.tsig)).toBe(T + 3600);
  });

  it('accepts a truncated MAC of at least half the hash, and rejects shorter ones', () => {
    const { mac } = signMessage(query(7), key, T);
    const r = response(7);
    const full = serverSign(r, key, [be(mac.length, 2), mac], T, true);
    const cut = (len: number): Buffer => {
      const t = findTsig(full.msg)!;
      const alg = wireName(key.algorithm);
      const rdata = Buffer.concat([alg, be(T, 6), be(300, 2), be(len, 2), t.mac.subarray(0, len), r.subarray(0, 2), be(0, 2), be(0, 2)]);
      const m = Buffer.concat([r, wireName(key.name), be(250, 2), be(255, 2), be(0, 4), be(rdata.length, 2), rdata]);
      m.writeUInt16BE(1, 10);
      return m;
    };
    expect(new TsigVerifier(key, mac, clock).check(cut(16)).kind).toBe('verified');
    expect(() => new TsigVerifier(key, mac, clock).check(cut(8))).toThrow(TsigFailure);
  });

  it('verifies every message of a multi-message answer, with an unsigned one in between (§5.3.1)', () => {
    const { mac: reqMac } = signMessage(query(9), key, T);
    const r1 = response(9, 'a');
    const m1 = serverSign(r1, key, [be(reqMac.length, 2), reqMac], T, true);
    const m2 = response(9, 'b'); // unsigned middle message
    const r3 = response(9, 'c');
    const m3 = serverSign(r3, key, [be(m1.mac.length, 2), m1.mac, m2], T + 1, false);
    const v = new TsigVerifier(key, reqMac, clock);
    expect(v.check(m1.msg, false).kind).toBe('verified');
    expect(v.check(m2, true).kind).toBe('unsigned');
    expect(v.hasUnverifiedTail).toBe(true);
    expect(v.check(m3.msg, true).kind).toBe('verified');
    expect(v.hasUnverifiedTail).toBe(false);

    // The same third message without the unsigned one in the chain must fail: the chain covers it.
    const v2 = new TsigVerifier(key, reqMac, clock);
    v2.check(m1.msg);
    expect(() => v2.check(m3.msg, true)).toThrowError(expect.objectContaining({ reason: 'bad-mac' }));
    // A later message signed with the full variables (as if it were first) fails too.
    const wrongForm = serverSign(r3, key, [be(m1.mac.length, 2), m1.mac], T, true).msg;
    const v3 = new TsigVerifier(key, reqMac, clock);
    v3.check(m1.msg);
    expect(() => v3.check(wrongForm, true)).toThrowError(expect.objectContaining({ reason: 'bad-mac' }));
  });

  it('never lets the first message be unsigned', () => {
    const { mac } = signMessage(query(9), key, T);
    expect(() => new TsigVerifier(key, mac, clock).check(response(9), true)).toThrowError(expect.objectContaining({ reason: 'unsigned' }));
  });
});
