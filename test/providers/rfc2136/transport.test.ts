import { describe, it, expect, afterEach } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { StreamChannel, type Endpoint } from '../../../providers/rfc2136/transport.js';
import { TransportError } from '../../../providers/rfc2136/errors.js';
import { reservePort } from '../../servers/index.js';

// A real TCP server on loopback that writes frames in whatever chunking the test wants.
let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(onConnection: (s: Socket) => void): Promise<Endpoint> {
  server = createServer((s) => {
    sockets.push(s);
    onConnection(s);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { mode: 'tcp', host: '127.0.0.1', port, label: `127.0.0.1:${port}` };
}

function frame(payload: Buffer): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(payload.length);
  return Buffer.concat([b, payload]);
}

describe('StreamChannel (length-framed DNS over TCP)', () => {
  it('reassembles frames split across chunks and splits chunks holding several frames', async () => {
    const payloads = [Buffer.alloc(1, 1), Buffer.alloc(65535, 2), Buffer.alloc(300, 3), Buffer.alloc(70, 4), Buffer.alloc(1000, 5)];
    const stream = Buffer.concat(payloads.map(frame));
    const ep = await serve(async (s) => {
      // 1-octet writes first (a length prefix split in two), then odd sizes, then the rest at once.
      let pos = 0;
      for (const size of [1, 1, 1, 2, 7, 4096, 65000]) {
        s.write(stream.subarray(pos, pos + size));
        pos += size;
        await sleep(2);
      }
      s.write(stream.subarray(pos));
    });
    const ch = await StreamChannel.open(ep, 2000);
    const got: Buffer[] = [];
    for (let i = 0; i < payloads.length; i++) got.push(await ch.next());
    ch.close();
    expect(got.map((g) => g.length)).toEqual(payloads.map((p) => p.length));
    expect(got.every((g, i) => g.equals(payloads[i]!))).toBe(true);
  });

  it('sends a length prefix with each message', async () => {
    const received: Buffer[] = [];
    const ep = await serve((s) => s.on('data', (d) => received.push(d)));
    const ch = await StreamChannel.open(ep, 2000);
    ch.send(Buffer.from('abc'));
    ch.send(Buffer.from('de'));
    await sleep(50);
    ch.close();
    expect(Buffer.concat(received).equals(Buffer.from([0, 3, 97, 98, 99, 0, 2, 100, 101]))).toBe(true);
    expect(() => ch.send(Buffer.alloc(65536))).toThrow();
  });

  it('times out when the server never answers', async () => {
    const ep = await serve(() => {});
    const ch = await StreamChannel.open(ep, 150);
    const err = await ch.next().catch((e: unknown) => e);
    ch.close();
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).failure).toBe('timeout');
  });

  it('reports a connection closed mid-frame', async () => {
    const ep = await serve((s) => s.end(Buffer.from([0, 10, 1, 2, 3])));
    const ch = await StreamChannel.open(ep, 2000);
    const err = await ch.next().catch((e: unknown) => e);
    expect((err as TransportError).failure).toBe('closed');
  });

  it('reports connection refused on a port nobody listens on', async () => {
    const r = await reservePort();
    const err = await StreamChannel.open({ mode: 'tcp', host: '127.0.0.1', port: r.port, label: 'x' }, 2000).catch((e: unknown) => e);
    r.release();
    expect((err as TransportError).failure).toBe('refused');
  });
});
