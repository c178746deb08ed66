import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import dnsPacket from 'dns-packet';
import { ZonesmithError } from '../../errors.js';
import { rdataFromWire } from '../../records/registry.js';
import { ByteReader } from '../../records/wire.js';

/** A server to ask: an address (IPv4 or IPv6 literal) and port, with the name it is known by. */
export interface QueryTarget {
  readonly address: string;
  readonly port: number;
  /** What to call it in output (`ns1.example.net. (192.0.2.53:53)`). */
  readonly label: string;
}

/** One record of an answer section, rdata decoded to canonical presentation form. */
export interface AnswerRecord {
  /** Owner: lower-case, no trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly rdata: string;
}

/** What a server answered to one question. */
export interface QueryAnswer {
  readonly rcode: number;
  readonly authoritative: boolean;
  /** True when the answer came over TCP after a truncated UDP answer. */
  readonly viaTcp: boolean;
  readonly answers: readonly AnswerRecord[];
}

const CLASS_IN = 1;
const TYPE_OPT = 41;
// The EDNS buffer size DNS Flag Day 2020 settled on: large answers come back truncated and are
// asked again over TCP, which the verifier handles.
const EDNS_UDP_SIZE = 1232;

/** The query message: no recursion wanted (an authoritative server is asked), EDNS0 with 1232 octets. */
export function encodeQuery(id: number, name: string, typeCode: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: 0,
    // dns-packet maps type names itself and knows fewer than the records layer; UNKNOWN_n is its escape.
    questions: [{ name, type: `UNKNOWN_${typeCode}` as 'A', class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
  });
}

/**
 * Parses a response: header, question skipped, answer records with rdata decoded by the records
 * layer from the whole message (so compressed names in rdata resolve). Throws on malformed input.
 */
export function parseResponse(msg: Uint8Array, expectId: number): { id: number; truncated: boolean; answer: Omit<QueryAnswer, 'viaTcp'> } {
  const r = new ByteReader(msg);
  const id = r.u16();
  const flags = r.u16();
  const qd = r.u16();
  const an = r.u16();
  r.u16(); // authority
  r.u16(); // additional
  if (id !== expectId) throw new ZonesmithError('verify-bad-answer', `the answer's id ${id} is not the query's ${expectId}`);
  if ((flags & 0x8000) === 0) throw new ZonesmithError('verify-bad-answer', 'the message is not a response');
  for (let i = 0; i < qd; i++) {
    r.name();
    r.u16();
    r.u16();
  }
  const answers: AnswerRecord[] = [];
  for (let i = 0; i < an; i++) {
    const owner = r.nameLower();
    const type = r.u16();
    const klass = r.u16();
    const ttl = r.u32();
    const len = r.u16();
    const start = r.offset;
    r.bytes(len);
    if (klass !== CLASS_IN || type === TYPE_OPT) continue;
    const { type: typeName, rdata } = rdataFromWire(type, msg, start, len);
    answers.push({ name: owner === '.' ? '' : owner.slice(0, -1), type: typeName, ttl, rdata });
  }
  return { id, truncated: (flags & 0x0200) !== 0, answer: { rcode: flags & 0x000f, authoritative: (flags & 0x0400) !== 0, answers } };
}

function udpExchange(target: QueryTarget, msg: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = createSocket(target.address.includes(':') ? 'udp6' : 'udp4');
    const timer = setTimeout(() => finish(new ZonesmithError('verify-timeout', `no answer from ${target.label} over UDP in ${timeoutMs} ms`)), timeoutMs);
    let done = false;
    function finish(err: Error | null, buf?: Buffer): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(buf!);
    }
    sock.on('error', (err) => finish(err));
    // Only the first datagram with our id counts; the socket is connected, so others are not delivered.
    sock.on('message', (buf) => {
      if (buf.length >= 2 && buf.readUInt16BE(0) === msg.readUInt16BE(0)) finish(null, buf);
    });
    sock.connect(target.port, target.address, () => sock.send(msg));
  });
}

function tcpExchange(target: QueryTarget, msg: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host: target.address, port: target.port });
    const chunks: Buffer[] = [];
    let got = 0;
    let done = false;
    const timer = setTimeout(() => finish(new ZonesmithError('verify-timeout', `no answer from ${target.label} over TCP in ${timeoutMs} ms`)), timeoutMs);
    function finish(err: Error | null, buf?: Buffer): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(buf!);
    }
    sock.on('error', (err) => finish(err));
    sock.on('connect', () => {
      const framed = Buffer.alloc(msg.length + 2);
      framed.writeUInt16BE(msg.length, 0);
      msg.copy(framed, 2);
      sock.write(framed);
    });
    sock.on('data', (d) => {
      chunks.push(d);
      got += d.length;
      if (got < 2) return;
      const all = Buffer.concat(chunks);
      const len = all.readUInt16BE(0);
      if (all.length >= len + 2) finish(null, all.subarray(2, len + 2));
    });
    sock.on('end', () => finish(new ZonesmithError('verify-bad-answer', `${target.label} closed the TCP connection before answering`)));
  });
}

/** Asks one question over UDP, again over TCP when the answer is truncated. */
export async function query(target: QueryTarget, name: string, typeCode: number, timeoutMs: number): Promise<QueryAnswer> {
  const id = Math.floor(Math.random() * 0x10000);
  const msg = encodeQuery(id, name, typeCode);
  const udp = parseResponse(await udpExchange(target, msg, timeoutMs), id);
  if (!udp.truncated) return { ...udp.answer, viaTcp: false };
  const tcp = parseResponse(await tcpExchange(target, msg, timeoutMs), id);
  return { ...tcp.answer, viaTcp: true };
}
