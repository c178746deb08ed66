/**
 * Sending planned UPDATE messages one at a time over one connection (a new one when the server
 * closes it), each TSIG-signed and its answer verified. The next message goes only after the
 * previous one committed, so a failed prerequisite stops the push with nothing after it applied.
 */
import { randomInt } from 'node:crypto';
import { rfc2136Error, rcodeName, TransportError, type ErrorPlace } from './errors.js';
import { asZonesmithError, rcodeCode, serverTsigError } from './failures.js';
import { findTsig, signMessage, TsigVerifier, type TsigKey } from './tsig.js';
import { StreamChannel, udpExchange, type Endpoint } from './transport.js';
import { CLASS_IN, HEADER_BYTES, OPCODE_UPDATE, TYPE_SOA, ZoneNames, readHeader, writeHeader } from './wire.js';
import { rrBytes, type PlannedMessage, type RrParts } from './update-plan.js';

/** How to send. */
export interface SendOptions {
  readonly endpoint: Endpoint;
  /** Zone name without trailing dot. */
  readonly zone: string;
  readonly key: TsigKey | undefined;
  readonly now: () => number;
  readonly timeoutMs: number;
  /** How many changes the push holds in all (for progress in errors). */
  readonly totalChanges: number;
  /** Called once a message is committed (NOERROR, verified), before the next is sent. */
  readonly committed: (msg: PlannedMessage, index: number) => void;
}

/** The wire form of one planned message (unsigned), written into one buffer of the planned size. */
export function encodeUpdate(zone: string, msg: PlannedMessage, id: number): Buffer {
  const zoneWire = new ZoneNames(zone.toLowerCase()).zoneWire;
  let size = HEADER_BYTES + zoneWire.length + 4;
  for (const rr of msg.prereqs) size += rrBytes(rr);
  for (const rr of msg.updates) size += rrBytes(rr);
  const out = Buffer.allocUnsafe(size);
  writeHeader(out, { id, opcode: OPCODE_UPDATE, qd: 1, an: msg.prereqs.length, ns: msg.updates.length, ar: 0 });
  out.set(zoneWire, HEADER_BYTES);
  let p = HEADER_BYTES + zoneWire.length;
  out.writeUInt16BE(TYPE_SOA, p);
  out.writeUInt16BE(CLASS_IN, p + 2);
  p += 4;
  const put = (rr: RrParts): void => {
    out.set(rr.owner, p);
    p += rr.owner.length;
    out.writeUInt16BE(rr.type, p);
    out.writeUInt16BE(rr.klass, p + 2);
    out.writeUInt32BE(rr.ttl, p + 4);
    out.writeUInt16BE(rr.rdata.length, p + 8);
    out.set(rr.rdata, p + 10);
    p += 10 + rr.rdata.length;
  };
  for (const rr of msg.prereqs) put(rr);
  for (const rr of msg.updates) put(rr);
  return out;
}

/** What an error says about the messages before message `index` (0-based). */
function before(index: number, applied: number, total: number): string {
  if (index === 0) return 'no earlier message';
  const which = index === 1 ? 'message 1' : `messages 1-${index}`;
  return `${which} applied (${applied} of ${total} changes)`;
}

/** The message was answered with an error: it and every later one were not applied. */
function rejected(index: number, applied: number, total: number): string {
  return `${before(index, applied, total)}; message ${index + 1} and later not applied`;
}

/** Explains an UPDATE rcode (RFC 2136 §2.2, §3). */
function rcodeText(rcode: number, key: TsigKey | undefined): string {
  switch (rcode) {
    case 8:
    case 7:
    case 6:
    case 3:
      return `zone changed since it was read (${rcodeName(rcode)}): an RRset this push changes no longer holds what was read, so the server's prerequisite check stopped this message; preview again`;
    case 5:
      return `the server refused the update (REFUSED): its allow-update ACL does not admit ${key ? `key ${key.name.replace(/\.$/, '')}` : 'unsigned updates'}, or one of its checks failed (BIND check-names, check-integrity); see the server log`;
    case 9:
      return 'the server is not authoritative for this zone or demands a TSIG key (NOTAUTH)';
    case 10:
      return 'a record name is outside the zone (NOTZONE)';
    case 2:
      return 'the server failed to apply the update (SERVFAIL); see its log';
    case 4:
      return 'the server does not implement DNS UPDATE (NOTIMP)';
    case 1:
      return 'the server could not parse the update (FORMERR)';
    default:
      return `the update failed: ${rcodeName(rcode)}`;
  }
}

/** Where the messages come from: a planner building them one at a time. */
export interface MessageSource {
  next(): PlannedMessage | undefined;
}

/**
 * Sends every message in order; throws ZonesmithError at the first that fails, after reporting
 * those committed. Message k+1 is built right after message k is written, while the server works.
 */
export async function sendUpdates(source: MessageSource, opts: SendOptions): Promise<void> {
  const place: ErrorPlace = { server: opts.endpoint.label, zone: opts.zone };
  const total = opts.totalChanges;
  let channel: StreamChannel | undefined;
  let appliedChanges = 0;
  try {
    let msg = source.next();
    for (let i = 0; msg; i++) {
      const phase = `update message ${i + 1}`;
      const id = randomInt(0, 65536);
      let wire: Buffer = encodeUpdate(opts.zone, msg, id);
      let verifier: TsigVerifier | undefined;
      if (opts.key) {
        const signed = signMessage(wire, opts.key, Math.floor(opts.now() / 1000));
        wire = signed.wire;
        verifier = new TsigVerifier(opts.key, signed.mac, opts.now);
      }
      let answer: Buffer;
      let sent = false;
      let following: PlannedMessage | undefined;
      let buildError: unknown;
      try {
        if (opts.endpoint.mode === 'udp') {
          const pending = udpExchange(opts.endpoint, wire, opts.timeoutMs);
          sent = true;
          ({ following, buildError } = buildNext(source));
          answer = await pending;
        } else {
          // One connection for all messages. Some servers close it after every answer; a close
          // seen before sending means a new connection.
          if (!channel || channel.closed) {
            channel?.close();
            channel = await StreamChannel.open(opts.endpoint, opts.timeoutMs);
          }
          const reused = channel.answered > 0;
          channel.send(wire);
          sent = true;
          ({ following, buildError } = buildNext(source));
          try {
            answer = await channel.next();
          } catch (err) {
            // The server closed a connection it had already answered on, without a byte of this
            // answer: most likely it closes after every answer and its FIN raced our write, so it
            // never read this request. Once more on a new connection. Should the first copy have
            // been applied after all (a crash mid-message), the resend is harmless: adding a
            // present RR or deleting an absent one changes nothing, and a guarded RRset now fails
            // its prerequisite. Any failure from here on leaves this message's outcome unknown.
            if (!(reused && err instanceof TransportError && err.failure === 'closed' && channel.partial === 0)) throw err;
            channel.close();
            channel = await StreamChannel.open(opts.endpoint, opts.timeoutMs);
            channel.send(wire);
            sent = true;
            answer = await channel.next();
          }
        }
      } catch (err) {
        const extra = sent
          ? `; ${before(i, appliedChanges, total)}; whether message ${i + 1} was applied is unknown and later ones were not sent: run preview and push again to converge`
          : `; ${before(i, appliedChanges, total)}; message ${i + 1} and later not sent`;
        throw asZonesmithError(err, place, phase, err instanceof TransportError ? extra : '');
      }
      const h = readHeader(answer);
      if (h.id !== id || !h.qr || h.opcode !== OPCODE_UPDATE) {
        throw rfc2136Error('rfc2136-malformed-answer', place, `${phase}: the answer does not match the request (ID, QR or opcode); whether it was applied is unknown`);
      }
      if (h.rcode !== 0) {
        const t = safeFindTsig(answer);
        if (t && t.error !== 0) throw withProgress(serverTsigError(t, place, phase, opts.key, opts.now()), rejected(i, appliedChanges, total));
        throw rfc2136Error(updateRcodeCode(h.rcode), place, `${phase}: ${rcodeText(h.rcode, opts.key)}; ${rejected(i, appliedChanges, total)}`);
      }
      if (verifier) {
        try {
          const check = verifier.check(answer);
          if (check.kind === 'server-error') throw serverTsigError(check.tsig, place, phase, opts.key, opts.now());
        } catch (err) {
          throw asZonesmithError(err, place, phase, `; ${before(i, appliedChanges, total)}; the server answered NOERROR to message ${i + 1}, so it was probably applied, but the answer is not authentic`);
        }
      }
      appliedChanges += msg.changes.length;
      opts.committed(msg, i);
      if (buildError !== undefined) {
        const progress = `${before(i + 1, appliedChanges, total)}; message ${i + 2} and later not sent`;
        if (buildError instanceof Error) buildError.message = `${buildError.message}; ${progress}`;
        throw buildError;
      }
      msg = following;
    }
  } finally {
    channel?.close();
  }
}

/** Builds the next message now (while the server works); an error is kept until this message's answer is in. */
function buildNext(source: MessageSource): { following: PlannedMessage | undefined; buildError: unknown } {
  try {
    return { following: source.next(), buildError: undefined };
  } catch (err) {
    return { following: undefined, buildError: err };
  }
}

/** NXRRSET, YXRRSET, YXDOMAIN, NXDOMAIN on an UPDATE all mean a prerequisite failed: one code for them. */
function updateRcodeCode(rcode: number): string {
  return rcode === 3 || rcode === 6 || rcode === 7 || rcode === 8 ? 'rfc2136-zone-changed' : rcodeCode(rcode);
}

function withProgress<E extends Error>(err: E, text: string): E {
  err.message = `${err.message}; ${text}`;
  return err;
}

function safeFindTsig(msg: Uint8Array): ReturnType<typeof findTsig> {
  try {
    return findTsig(msg);
  } catch {
    return undefined;
  }
}
