import { describe, it, expect } from 'vitest';
import dnsPacket from 'dns-packet';
import { OwnerNames, ZoneNames, encodeRecord, readHeader, skipRecord, skipName, CLASS_NONE, CLASS_ANY, HEADER_BYTES } from '../../../providers/rfc2136/wire.js';
import { encodeUpdate } from '../../../providers/rfc2136/update-send.js';
import { planUpdate } from '../../../providers/rfc2136/update-plan.js';
import { wireRdata, recordFromWire, fastRdata } from '../../../providers/rfc2136/convert.js';
import { rdataToWire, typeCode } from '../../../src/records/registry.js';
import { ByteReader } from '../../../src/records/wire.js';
import { nameToWire } from '../../../src/records/names.js';
import { rec } from './helpers.js';

const zone = 'example.test';

/** An UPDATE message for `changes`, unsigned. */
function updateFor(changes: Parameters<typeof planUpdate>[0], existing: Parameters<typeof planUpdate>[1] = []): Buffer {
  const plan = planUpdate(changes, existing, { zone, maxMessageBytes: 65535, tsigBytes: 0, server: 'test' });
  expect(plan.messages).toHaveLength(1);
  return encodeUpdate(zone, plan.messages[0]!, 0x4242);
}

describe('dns-packet 5.6.1 gaps (dns-servers.md §D) and how the provider closes them', () => {
  it('opcode: dns-packet cannot write UPDATE; our header carries opcode 5, which dns-packet then decodes', () => {
    const viaPacket = dnsPacket.encode({ type: 'query', id: 1, opcode: 'UPDATE', questions: [] } as dnsPacket.Packet);
    expect(readHeader(viaPacket).opcode).toBe(0); // the gap
    const ours = updateFor([{ kind: 'create', name: `www.${zone}`, type: 'A', before: [], after: [rec(zone, 'www', 'A', '192.0.2.1')], details: [] }]);
    expect(readHeader(ours).opcode).toBe(5);
    expect((dnsPacket.decode(ours) as unknown as { opcode: string }).opcode).toBe('UPDATE');
  });

  it('class NONE: dns-packet writes class 0; deletes and "RRset does not exist" carry 254', () => {
    const viaPacket = dnsPacket.encode({ type: 'query', id: 1, answers: [{ name: 'a.example.test', type: 'A', class: 'NONE' as 'IN', ttl: 0, data: '192.0.2.1' }] });
    expect(viaPacket.readUInt16BE(HEADER_BYTES + 16 + 2)).toBe(0); // the gap: class 0
    const old = rec(zone, 'www', 'A', '192.0.2.1');
    const ours = updateFor([{ kind: 'delete', name: old.name, type: 'A', before: [old], after: [], details: [] }], [old]);
    const d = dnsPacket.decode(ours);
    // Prerequisite: the RRset as read (class IN); update: delete the RR (class NONE, TTL 0).
    expect(d.answers).toMatchObject([{ name: `www.${zone}`, type: 'A', class: 'IN', ttl: 0, data: '192.0.2.1' }]);
    expect(d.authorities).toMatchObject([{ name: `www.${zone}`, type: 'A', class: 'UNKNOWN_254', ttl: 0, data: '192.0.2.1' }]);
  });

  it('empty RDATA: dns-packet writes 4 octets for an empty A; prerequisites here carry RDLENGTH 0', () => {
    const viaPacket = dnsPacket.encode({ type: 'query', id: 1, answers: [{ name: 'a', type: 'A', class: 'ANY', ttl: 0, data: Buffer.alloc(0) as unknown as string }] });
    expect(viaPacket.readUInt16BE(viaPacket.length - 6)).toBe(4); // the gap: rdlength 4 (0.0.0.0)
    const fresh = rec(zone, 'new', 'A', '192.0.2.9');
    const ours = updateFor([{ kind: 'create', name: fresh.name, type: 'A', before: [], after: [fresh], details: [] }]);
    const h = readHeader(ours);
    expect(h.ancount).toBe(1);
    let pos = HEADER_BYTES;
    pos = skipName(ours, pos) + 4; // zone section
    const prereqEnd = skipRecord(ours, pos);
    const nameEnd = skipName(ours, pos);
    expect(ours.readUInt16BE(nameEnd + 2)).toBe(CLASS_NONE); // "RRset does not exist"
    expect(ours.readUInt16BE(nameEnd + 8)).toBe(0);
    expect(prereqEnd - nameEnd).toBe(10);
  });

  it('TXT over 255 octets: dns-packet wraps the length byte; src/records splits into 255-octet strings', () => {
    const long = 'x'.repeat(300);
    expect(() => dnsPacket.decode(dnsPacket.encode({ type: 'query', id: 1, answers: [{ name: 'a', type: 'TXT', data: long }] }))).toThrow();
    const wire = rdataToWire('TXT', `"${long}"`);
    expect([wire[0], wire[256], wire.length]).toEqual([255, 45, 302]);
  });

  it('unknown type names: dns-packet maps SVCB/HTTPS to 0; ours use their numbers', () => {
    expect(dnsPacket.encode({ type: 'query', id: 1, answers: [{ name: 'a', type: 'HTTPS' as 'A', data: Buffer.alloc(0) as unknown as string }] }).readUInt16BE(HEADER_BYTES + 3)).toBe(0);
    const h = rec(zone, 'svc', 'HTTPS', '1 . alpn=h2');
    const ours = updateFor([{ kind: 'create', name: h.name, type: 'HTTPS', before: [], after: [h], details: [] }]);
    const d = dnsPacket.decode(ours);
    expect(d.authorities![0]!.type).toBe('UNKNOWN_65'); // HTTPS is type 65; dns-packet has no name for it either way
    expect(typeCode('SVCB')).toBe(64);
  });

  it('names with escapes: dns-packet splits at an escaped dot; ours keep it inside the label', () => {
    const viaPacket = dnsPacket.encode({ type: 'query', id: 1, questions: [{ name: 'a\\.b.example.test', type: 'A' }] });
    expect(viaPacket[HEADER_BYTES]).toBe(2); // label "a\" — the gap
    const names = new ZoneNames(zone);
    const o = names.owner('a\\.b.example.test')!;
    expect([...o]).toEqual([3, 0x61, 0x2e, 0x62, 0xc0, 12]);
    // An escaped dot does not make a name part of the zone.
    expect(names.owner('x\\.example.test')).toBeNull();
    expect(names.owner('other.test')).toBeNull();
    expect([...names.owner(zone)!]).toEqual([0xc0, 12]);
  });
});

describe('ZoneNames.owner', () => {
  it('compresses plain names exactly as the general path does, and refuses what nameToWire refuses', () => {
    const names = new ZoneNames(zone);
    const viaWire = (n: string): number[] => {
      const full = nameToWire(n);
      const z = nameToWire(zone);
      return [...full.subarray(0, full.length - z.length), 0xc0, 12];
    };
    for (const n of [`a.${zone}`, `a.b.c.${zone}`, `*.${zone}`, `x-y_z.${zone}`, `${'l'.repeat(63)}.${zone}`, `_443._tcp.www.${zone}`]) {
      expect([...names.owner(n)!]).toEqual(viaWire(n));
    }
    expect(() => names.owner(`${'l'.repeat(64)}.${zone}`)).toThrow(/longer than 63/);
    expect(() => names.owner(`a..b.${zone}`)).toThrow(/empty label/);
  });
});

describe('OwnerNames', () => {
  it('decodes owners like ByteReader.nameLower, and declines names that need escapes', () => {
    // dns-packet compresses repeated suffixes; the last name has an escaped dot inside a label.
    const names = ['WWW.Example.Test', 'a.www.example.test', 'b.a.www.example.test', 'example.test', '*.example.test', 'x-y_z.example.test'];
    const msg = dnsPacket.encode({ type: 'response', id: 1, answers: names.map((name) => ({ name, type: 'A', ttl: 1, data: '192.0.2.1' })) });
    const fast = new OwnerNames(msg);
    let pos = 12;
    for (let i = 0; i < names.length; i++) {
      const slow = new ByteReader(msg, pos).nameLower();
      expect(fast.at(pos)).toBe(slow);
      pos = skipRecord(msg, pos);
    }
    const odd = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0x61, 0x2e, 0x62, 0]);
    expect(new OwnerNames(odd).at(12)).toBeUndefined();
    expect(new ByteReader(odd, 12).nameLower()).toBe('a\\.b.');
    const forward = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 12]);
    expect(new OwnerNames(forward).at(12)).toBeUndefined(); // a pointer to itself is refused
  });
});

describe('fastRdata', () => {
  it('gives exactly rdataToWire\'s octets for the shapes it takes, and declines the rest', () => {
    const take = [
      ['TXT', '""'], ['TXT', '"hello world"'], ['TXT', `"${'x'.repeat(255)}"`], ['TXT', '"v=spf1 -all; a=b"'],
      ['A', '0.0.0.0'], ['A', '192.0.2.1'], ['A', '255.255.255.255'],
    ] as const;
    for (const [type, rdata] of take) {
      const r = rec(zone, 'x', type, rdata);
      expect(fastRdata(r), `${type} ${rdata}`).toEqual(rdataToWire(type, r.rdata));
    }
    const decline = [['TXT', `"${'x'.repeat(256)}"`], ['TXT', '"a\\"b"'], ['TXT', '"héllo"'], ['TXT', '"a\\010"'], ['AAAA', '::1'], ['MX', '10 a.example.']] as const;
    for (const [type, rdata] of decline) expect(fastRdata(rec(zone, 'x', type, rdata)), `${type} ${rdata}`).toBeUndefined();
    expect(fastRdata({ name: 'x', type: 'A', ttl: 1, rdata: '01.2.3.4' })).toBeUndefined();
    expect(fastRdata({ name: 'x', type: 'A', ttl: 1, rdata: '256.2.3.4' })).toBeUndefined();
  });
});

describe('records on the wire', () => {
  it('reads compressed names and keeps uncompressed native RDATA for compressible types', () => {
    // An answer whose MX exchange is compressed against the owner.
    const msg = dnsPacket.encode({ type: 'response', id: 1, answers: [{ name: 'mx.example.test', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'mail.example.test' } }] });
    const r = new ByteReader(msg, HEADER_BYTES);
    const owner = r.nameLower();
    const type = r.u16();
    const klass = r.u16();
    const ttl = r.u32();
    const rdLength = r.u16();
    const got = recordFromWire({ owner, type, klass, ttl, msg, rdOffset: r.offset, rdLength });
    expect(got).toMatchObject({ name: 'mx.example.test', type: 'MX', ttl: 60, rdata: '10 mail.example.test.' });
    expect(Buffer.from(wireRdata(got)).equals(Buffer.from(rdataToWire('MX', '10 mail.example.test.')))).toBe(true);
  });

  it('keeps the server\'s TXT string boundaries, which the canonical text loses', () => {
    const msg = dnsPacket.encode({ type: 'response', id: 1, answers: [{ name: 't.example.test', type: 'TXT', ttl: 60, data: ['ab', 'c'] }] });
    const r = new ByteReader(msg, HEADER_BYTES);
    const owner = r.nameLower();
    const [type, klass] = [r.u16(), r.u16()];
    const ttl = r.u32();
    const rdLength = r.u16();
    const got = recordFromWire({ owner, type, klass, ttl, msg, rdOffset: r.offset, rdLength });
    expect(got.rdata).toBe('"abc"');
    expect([...wireRdata(got)]).toEqual([2, 0x61, 0x62, 1, 0x63]);
  });

  it('encodes a record with class ANY and empty RDATA as 10 octets after the owner', () => {
    const rr = encodeRecord(new Uint8Array([0xc0, 12]), 1, CLASS_ANY, 0, new Uint8Array(0));
    expect([...rr]).toEqual([0xc0, 12, 0, 1, 0, 255, 0, 0, 0, 0, 0, 0]);
  });
});
