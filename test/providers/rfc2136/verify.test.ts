import { describe, it, expect } from 'vitest';
import dnsPacket from 'dns-packet';
import type { DnsRecord } from '../../../src/records/types.js';
import { findDiscrepancies, touchedKeys } from '../../../providers/rfc2136/verify.js';
import type { WireRecord } from '../../../providers/rfc2136/convert.js';
import { ByteReader } from '../../../src/records/wire.js';
import { rec } from './helpers.js';

const zone = 'v.test';

/** Records as a server would transfer them (encoded by dns-packet, walked back into WireRecords). */
function served(answers: dnsPacket.Answer[]): WireRecord[] {
  const msg = dnsPacket.encode({ type: 'response', id: 1, answers });
  const r = new ByteReader(msg, 12);
  return answers.map(() => {
    const owner = r.nameLower();
    const type = r.u16();
    const klass = r.u16();
    const ttl = r.u32();
    const rdLength = r.u16();
    const out = { owner, type, klass, ttl, msg, rdOffset: r.offset, rdLength };
    r.offset += rdLength;
    return out;
  });
}

const a = (name: string, ip: string, ttl = 300): dnsPacket.Answer => ({ name: `${name}.${zone}`, type: 'A', ttl, data: ip });
const keysOf = (records: DnsRecord[]): Set<string> =>
  touchedKeys(records.map((r) => ({ kind: 'create', name: r.name, type: r.type, before: [], after: [r], details: [] })));

describe('findDiscrepancies', () => {
  it('finds nothing when the touched RRsets match, whatever else the zone holds', () => {
    const want = [rec(zone, 'www', 'A', '192.0.2.1'), rec(zone, 'www', 'A', '192.0.2.2')];
    expect(findDiscrepancies(keysOf(want), want, served([a('www', '192.0.2.2'), a('www', '192.0.2.1'), a('other', '192.0.2.9')]))).toEqual([]);
  });

  it('names records not added, not removed, and TTLs not changed', () => {
    const want = [rec(zone, 'www', 'A', '192.0.2.1', 600), rec(zone, 'new', 'A', '192.0.2.5')];
    const got = findDiscrepancies(keysOf(want), want, served([a('www', '192.0.2.1', 300), a('new', '192.0.2.6')]));
    expect(got.map((d) => `${d.kind} ${d.record.name} ${d.record.ttl} ${d.record.rdata}`).sort()).toEqual([
      `missing new.${zone} 300 192.0.2.5`,
      `missing www.${zone} 600 192.0.2.1`,
      `unexpected new.${zone} 300 192.0.2.6`,
      `unexpected www.${zone} 300 192.0.2.1`,
    ]);
  });

  it('treats a TXT held as several strings like the same text desired as one', () => {
    const want = [rec(zone, 't', 'TXT', '"abc"')];
    expect(findDiscrepancies(keysOf(want), want, served([{ name: `t.${zone}`, type: 'TXT', ttl: 300, data: ['ab', 'c'] }]))).toEqual([]);
  });

  it('matches large RRsets through an index, with exact multiset semantics', () => {
    const want = Array.from({ length: 300 }, (_, i) => rec(zone, 'big', 'A', `10.0.${i >> 8}.${i & 255}`));
    const all = want.map((r) => a('big', r.rdata));
    expect(findDiscrepancies(keysOf(want), want, served(all))).toEqual([]);
    const got = findDiscrepancies(keysOf(want), want, served([...all.slice(1), a('big', '10.9.9.9')]));
    expect(got.map((d) => `${d.kind} ${d.record.rdata}`).sort()).toEqual(['missing 10.0.0.0', 'unexpected 10.9.9.9']);
  });
});
