import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { transferZone } from '../../../providers/rfc2136/axfr.js';
import { skipName } from '../../../providers/rfc2136/wire.js';
import { parseSettings } from '../../../providers/rfc2136/settings.js';
import { startBind, startKnot, type TestServer } from '../../servers/index.js';
import { baseRecords, credsFor, digRecords, lines, providerFor, rec } from './helpers.js';

const zone = 'xfr.test';
const N = 6000;
const records = Array.from({ length: N }, (_, i) => rec(zone, `h${i}`, i % 2 ? 'A' : 'TXT', i % 2 ? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` : `"record number ${i}"`));

/** Offset of the first A record's RDATA in an answer message. */
function firstAddressOffset(msg: Buffer): number {
  let pos = 12;
  for (let q = msg.readUInt16BE(4); q > 0; q--) pos = skipName(msg, pos) + 4;
  for (;;) {
    const p = skipName(msg, pos);
    const type = msg.readUInt16BE(p);
    const len = msg.readUInt16BE(p + 8);
    if (type === 1) return p + 10;
    pos = p + 10 + len;
  }
}

/**
 * A TCP proxy in front of a server that hands each answer frame to `edit` (return null to cut the
 * connection there): a real man in the middle, to prove every message's TSIG is checked.
 */
async function proxy(upstreamPort: number, edit: (frame: Buffer, index: number) => Buffer | null): Promise<{ port: number; server: Server }> {
  const open: Socket[] = [];
  const server = createServer((client) => {
    const up = connect(upstreamPort, '127.0.0.1');
    open.push(client, up);
    client.on('data', (d) => up.write(d));
    client.on('error', () => up.destroy());
    client.on('close', () => up.destroy());
    up.on('error', () => client.destroy());
    let buf = Buffer.alloc(0);
    let index = 0;
    up.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const out = edit(Buffer.from(buf.subarray(2, 2 + len)), index++);
        buf = buf.subarray(2 + len);
        if (!out) {
          client.destroy();
          return;
        }
        const head = Buffer.alloc(2);
        head.writeUInt16BE(out.length);
        client.write(Buffer.concat([head, out]));
      }
    });
  });
  server.on('close', () => open.forEach((s) => s.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, server };
}

describe.each([
  ['BIND', () => startBind({ zones: [{ name: zone, records }] })],
  ['Knot', () => startKnot({ zones: [{ name: zone, records }] })],
] as const)('AXFR from %s', (_n, start) => {
  let server: TestServer;
  let px: Server | undefined;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    if (px) await new Promise<void>((r) => px!.close(() => r()));
    px = undefined;
  });

  it('reads a multi-message transfer, every message TSIG-verified, equal to dig\'s', async () => {
    const s = parseSettings(credsFor(server), {});
    const t = await transferZone({ endpoint: s.transfer, zone, key: s.transferKey, now: Date.now, timeoutMs: 5000 });
    expect(t.messages).toBeGreaterThan(1);
    expect(t.records.length).toBe(N + 2);
    const got = await providerFor(server).getRecords({ name: zone, meta: {} });
    expect(lines(got!)).toEqual(lines([...baseRecords(zone), ...records]));
    expect(lines(got!)).toEqual(lines(await digRecords(server, zone)));
  });

  it('rejects a transfer where one later message was altered in flight', async () => {
    const p = await proxy(server.port, (frame, i) => {
      if (i === 1) {
        const at = firstAddressOffset(frame); // an A record's address: framing stays intact
        frame[at] = frame[at]! ^ 0x01;
      }
      return frame;
    });
    px = p.server;
    const prov = providerFor(server, { master: `127.0.0.1:${p.port}` });
    const err = await prov.getRecords({ name: zone, meta: {} }).then(() => undefined, (e: unknown) => e as { code: string; message: string });
    expect(err?.code).toBe('rfc2136-response-bad-mac');
    expect(err?.message).toContain(`zone ${zone}`);
  });

  it('reports a transfer cut off before the closing SOA', async () => {
    const p = await proxy(server.port, (frame, i) => (i === 1 ? null : frame));
    px = p.server;
    const err = await providerFor(server, { master: `127.0.0.1:${p.port}` })
      .getRecords({ name: zone, meta: {} })
      .then(() => undefined, (e: unknown) => e as { code: string });
    expect(err?.code).toBe('rfc2136-connection-lost');
  });
});
