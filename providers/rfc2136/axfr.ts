/**
 * Reading a zone by AXFR over a stream (RFC 5936): one signed query, then length-framed answer
 * messages until the second SOA; the TSIG of every message is verified (RFC 8945 §5.3.1).
 */
import { randomInt } from 'node:crypto';
import dnsPacket from 'dns-packet';
import { ByteReader } from '../../src/records/wire.js';
import { rfc2136Error, rcodeName, type ErrorPlace } from './errors.js';
import { asZonesmithError, rcodeCode, serverTsigError } from './failures.js';
import { signMessage, TsigVerifier, findTsig, type TsigKey } from './tsig.js';
import { StreamChannel, type Endpoint } from './transport.js';
import { HEADER_BYTES, TYPE_SOA, OwnerNames, readHeader, skipName, skipQuestion } from './wire.js';
import type { WireRecord } from './convert.js';

/** How to transfer a zone. */
export interface TransferOptions {
  readonly endpoint: Endpoint;
  /** Zone name without trailing dot. */
  readonly zone: string;
  readonly key: TsigKey | undefined;
  /** Clock in ms (injectable for tests). */
  readonly now: () => number;
  /** Per-message timeout. */
  readonly timeoutMs: number;
}

/** A transferred zone. */
export interface TransferResult {
  /** The opening SOA. */
  readonly soa: WireRecord;
  /** Every record between the two SOAs, in transfer order. */
  readonly records: WireRecord[];
  /** Answer messages received. */
  readonly messages: number;
}

/** The AXFR query; dns-packet encodes a plain question correctly. */
function axfrQuery(zone: string, id: number): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: 0, questions: [{ name: zone, type: 'AXFR', class: 'IN' }] });
}

/** Transfers `zone`; throws ZonesmithError (transfer denied, TSIG, timeout, malformed) naming server and zone. */
export async function transferZone(opts: TransferOptions): Promise<TransferResult> {
  const place: ErrorPlace = { server: opts.endpoint.label, zone: opts.zone };
  const phase = 'zone transfer (AXFR)';
  const id = randomInt(0, 65536);
  let query: Buffer = axfrQuery(opts.zone, id);
  let verifier: TsigVerifier | undefined;
  if (opts.key) {
    const signed = signMessage(query, opts.key, Math.floor(opts.now() / 1000));
    query = signed.wire;
    verifier = new TsigVerifier(opts.key, signed.mac, opts.now);
  }
  let channel: StreamChannel | undefined;
  try {
    channel = await StreamChannel.open(opts.endpoint, opts.timeoutMs);
    channel.send(query);
    const records: WireRecord[] = [];
    let soa: WireRecord | undefined;
    let messages = 0;
    for (;;) {
      const msg = await channel.next();
      messages++;
      const h = readHeader(msg);
      if (h.id !== id || !h.qr) throw rfc2136Error('rfc2136-malformed-answer', place, `${phase}: an answer with a foreign ID or no QR bit arrived`);
      if (h.rcode !== 0) {
        const t = safeFindTsig(msg);
        if (t && t.error !== 0) throw serverTsigError(t, place, phase, opts.key, opts.now());
        const denied = h.rcode === 5 || h.rcode === 9;
        throw rfc2136Error(
          denied ? 'rfc2136-transfer-denied' : rcodeCode(h.rcode),
          place,
          denied
            ? `${phase} denied (${rcodeName(h.rcode)}): the server does not serve this zone, or its allow-transfer ACL does not admit ${opts.key ? `key ${opts.key.name.replace(/\.$/, '')}` : 'unsigned requests'}`
            : `${phase} failed: ${rcodeName(h.rcode)}`,
        );
      }
      if (verifier) {
        const check = verifier.check(msg, messages > 1);
        if (check.kind === 'server-error') throw serverTsigError(check.tsig, place, phase, opts.key, opts.now());
      }
      let pos = HEADER_BYTES;
      for (let i = 0; i < h.qdcount; i++) pos = skipQuestion(msg, pos);
      const r = new ByteReader(msg, pos);
      const owners = new OwnerNames(msg);
      let done = false;
      for (let i = 0; i < h.ancount; i++) {
        if (done) throw rfc2136Error('rfc2136-malformed-answer', place, `${phase}: records follow the closing SOA`);
        const fast = owners.at(r.offset);
        let owner: string;
        if (fast !== undefined) {
          owner = fast;
          r.offset = skipName(msg, r.offset);
        } else owner = r.nameLower();
        const type = r.u16();
        const klass = r.u16();
        const ttl = r.u32();
        const rdLength = r.u16();
        const rr: WireRecord = { owner, type, klass, ttl, msg, rdOffset: r.offset, rdLength };
        r.offset += rdLength;
        if (r.offset > msg.length) throw rfc2136Error('rfc2136-malformed-answer', place, `${phase}: a record runs past the end of its message`);
        if (!soa) {
          if (type !== TYPE_SOA) throw rfc2136Error('rfc2136-malformed-answer', place, `${phase}: the transfer does not start with the SOA`);
          soa = rr;
        } else if (type === TYPE_SOA) done = true;
        else records.push(rr);
      }
      if (done) {
        if (verifier?.hasUnverifiedTail) throw rfc2136Error('rfc2136-response-unsigned', place, `${phase}: the last message is not signed`);
        return { soa: soa!, records, messages };
      }
    }
  } catch (err) {
    throw asZonesmithError(err, place, phase);
  } finally {
    channel?.close();
  }
}

function safeFindTsig(msg: Uint8Array): ReturnType<typeof findTsig> {
  try {
    return findTsig(msg);
  } catch {
    return undefined;
  }
}
