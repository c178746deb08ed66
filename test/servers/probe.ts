/** Small UDP DNS queries for readiness checks, over a connected socket (ICMP errors arrive at once). */
import { createSocket } from 'node:dgram';
import dnsPacket from 'dns-packet';

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

/** The parts of an answer a readiness check looks at. */
export interface ProbeAnswer {
  readonly rcode: string;
  readonly authoritative: boolean;
  /** TXT answers joined per record; other types as dns-packet decodes them, stringified. */
  readonly values: string[];
}

/**
 * Sends one query and waits for its answer. A connected UDP socket reports "port unreachable" as
 * ECONNREFUSED immediately; an unconnected one would wait for the timeout (dns-servers.md §H).
 */
export function queryUdp(
  host: string,
  port: number,
  q: { name: string; type: string; class?: string },
  timeoutMs = 500,
): Promise<ProbeAnswer> {
  const id = Math.floor(Math.random() * 65536);
  const msg = dnsPacket.encode({
    type: 'query',
    id,
    flags: 0,
    questions: [{ name: q.name, type: q.type as 'TXT', class: (q.class ?? 'IN') as 'IN' }],
  });
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4');
    let done = false;
    const finish = (err: Error | null, value?: ProbeAnswer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new Error('probe timeout')), timeoutMs);
    sock.on('error', (err) => finish(err));
    sock.on('message', (buf) => {
      try {
        const p = dnsPacket.decode(buf);
        if (p.id !== id) return;
        const values = (p.answers ?? []).map((a) => {
          const data = (a as { data?: unknown }).data;
          if (Array.isArray(data)) return data.map((d) => Buffer.from(d as Uint8Array).toString()).join('');
          return typeof data === 'string' ? data : JSON.stringify(data);
        });
        const flags = p.flags ?? 0;
        finish(null, { rcode: RCODES[flags & 0xf] ?? `RCODE${flags & 0xf}`, authoritative: p.flag_aa, values });
      } catch (err) {
        finish(err as Error);
      }
    });
    sock.connect(port, host, () => sock.send(msg));
  });
}
