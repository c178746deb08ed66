import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { rdataFromWire, rdataToWire, typeCode } from '../../src/records/registry.js';

/**
 * Wire bytes compared with dns-packet 5.6.1's encoder for the types it encodes correctly
 * (see the shared reference, dns-servers.md §D): A, AAAA, MX, NS, CNAME, SOA, SRV, CAA, short TXT.
 * dns-packet's rdata codecs write a 2-octet length first; it is stripped before comparing.
 */

type Case = readonly [type: string, rdata: string, packetData: unknown];

const CASES: readonly Case[] = [
  ['A', '192.0.2.1', '192.0.2.1'],
  ['AAAA', '2001:db8::53:1', '2001:db8::53:1'],
  ['AAAA', '::ffff:192.0.2.1', '::ffff:192.0.2.1'],
  ['MX', '10 mail.example.com.', { preference: 10, exchange: 'mail.example.com' }],
  ['NS', 'ns1.example.net.', 'ns1.example.net'],
  ['CNAME', 'www.example.org.', 'www.example.org'],
  ['SOA', 'ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300',
    { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 }],
  ['SRV', '10 60 5060 sip.example.com.', { priority: 10, weight: 60, port: 5060, target: 'sip.example.com' }],
  ['CAA', '0 issue "letsencrypt.org"', { flags: 0, tag: 'issue', value: 'letsencrypt.org' }],
  ['CAA', '128 iodef "mailto:sec@example.com"', { flags: 128, tag: 'iodef', value: 'mailto:sec@example.com' }],
  ['TXT', '"v=spf1 -all"', ['v=spf1 -all']],
  ['TXT', '""', ['']],
];

describe('wire bytes equal dns-packet\'s', () => {
  it.each(CASES.map(([t, r, d]) => [t, r, d] as const))('%s %s', (type, rdata, data) => {
    // record() exists at run time (5.6.1) but is missing from @types/dns-packet.
    const record = (dnsPacket as unknown as { record(t: string): { encode(d: unknown): Buffer } }).record;
    const codec = record(type);
    const theirs = codec.encode(data).subarray(2);
    const ours = rdataToWire(type, rdata);
    expect(Buffer.from(ours).toString('hex')).toBe(theirs.toString('hex'));
    expect(rdataFromWire(typeCode(type) as number, theirs, 0, theirs.length).rdata).toBe(rdata);
  });
});

describe('a whole dns-packet message', () => {
  it('is read back through compression pointers', () => {
    const msg = dnsPacket.encode({
      type: 'response',
      id: 1,
      questions: [{ type: 'MX', name: 'example.com' }],
      answers: [
        { type: 'MX', name: 'example.com', ttl: 300, data: { preference: 5, exchange: 'mx.example.com' } },
        { type: 'CNAME', name: 'www.example.com', ttl: 300, data: 'example.com' },
      ],
    });
    // Find each answer's rdata by walking the message (header 12, question, then RRs).
    const rdatas: [number, number, number][] = [];
    let o = 12;
    const skipName = (): void => {
      for (;;) {
        const len = msg[o] as number;
        if (len === 0) { o += 1; return; }
        if ((len & 0xc0) === 0xc0) { o += 2; return; }
        o += len + 1;
      }
    };
    skipName();
    o += 4;
    for (let i = 0; i < 2; i++) {
      skipName();
      const type = msg.readUInt16BE(o);
      const rdlen = msg.readUInt16BE(o + 8);
      rdatas.push([type, o + 10, rdlen]);
      o += 10 + rdlen;
    }
    expect(rdatas.map(([t, off, len]) => rdataFromWire(t, msg, off, len))).toEqual([
      { type: 'MX', rdata: '5 mx.example.com.' },
      { type: 'CNAME', rdata: 'example.com.' },
    ]);
  });
});
