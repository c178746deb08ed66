/**
 * Getting DNS messages to and from a server: TCP (RFC 1035 §4.2.2, 2-octet length prefix), TCP over
 * TLS (RFC 7858) and Unix sockets (both as DNSControl's AXFRDDNS offers them), and plain UDP for
 * small updates. Errors are TransportError; callers add the server and zone.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { TransportError, type TransportFailure } from './errors.js';
import { readHeader, MAX_TCP_MESSAGE } from './wire.js';

/** Where and how to reach a server. */
export interface Endpoint {
  readonly mode: 'tcp' | 'tcp-tls' | 'unix' | 'udp';
  /** Host name or address (tcp, tcp-tls, udp). */
  readonly host: string;
  readonly port: number;
  /** Socket path (unix). */
  readonly path?: string;
  /** `host:port` or the socket path: how errors name the server. */
  readonly label: string;
}

function failureOf(err: NodeJS.ErrnoException): TransportFailure {
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'ENOENT': // unix socket path missing
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'closed';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unreachable';
    default:
      return 'error';
  }
}

/** A stream connection carrying length-prefixed DNS messages, read one frame at a time. */
export class StreamChannel {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private frames: Buffer[] = [];
  private waiter: { resolve: (b: Buffer) => void; reject: (e: Error) => void } | undefined;
  private failure: TransportError | undefined;
  private received = 0;

  private constructor(
    private readonly socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(new TransportError(failureOf(err), err.message, { cause: err })));
    // 'end' (the server finished sending) comes before 'close'; after it no answer can arrive.
    socket.on('end', () => this.fail(new TransportError('closed', 'the server closed the connection')));
    socket.on('close', () => this.fail(new TransportError('closed', 'the server closed the connection')));
  }

  /** Connects within `timeoutMs`. */
  static open(endpoint: Endpoint, timeoutMs: number): Promise<StreamChannel> {
    return new Promise((resolve, reject) => {
      let socket: Socket | TLSSocket;
      const ready = endpoint.mode === 'tcp-tls' ? 'secureConnect' : 'connect';
      if (endpoint.mode === 'unix') socket = netConnect({ path: endpoint.path ?? endpoint.host });
      else if (endpoint.mode === 'tcp-tls') {
        socket = tlsConnect({ host: endpoint.host, port: endpoint.port, ...(isIP(endpoint.host) ? {} : { servername: endpoint.host }) });
      } else socket = netConnect({ host: endpoint.host, port: endpoint.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('timeout', `no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      const onError = (err: NodeJS.ErrnoException): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new TransportError(failureOf(err), err.message, { cause: err }));
      };
      socket.once('error', onError);
      socket.once(ready, () => {
        clearTimeout(timer);
        socket.off('error', onError);
        resolve(new StreamChannel(socket, timeoutMs));
      });
    });
  }

  /** Whole messages received so far. */
  get answered(): number {
    return this.received;
  }

  /** Octets received of a message not yet complete (0 between messages). */
  get partial(): number {
    return this.buffered;
  }

  /** True once the connection failed or the server closed it. */
  get closed(): boolean {
    return this.failure !== undefined;
  }

  /** Writes one message with its length prefix. */
  send(msg: Uint8Array): void {
    if (this.failure) throw this.failure;
    if (msg.length > MAX_TCP_MESSAGE) throw new RangeError(`a message of ${msg.length} octets does not fit a TCP frame`);
    const out = Buffer.allocUnsafe(msg.length + 2);
    out.writeUInt16BE(msg.length, 0);
    out.set(msg, 2);
    this.socket.write(out);
  }

  /** The next whole message; rejects on close, error, or `timeoutMs` without one. */
  next(): Promise<Buffer> {
    const ready = this.frames.shift();
    if (ready) return Promise.resolve(ready);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new TransportError('timeout', `no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiter = {
        resolve: (b) => {
          clearTimeout(timer);
          resolve(b);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  /** Closes the connection (idempotent). */
  close(): void {
    this.failure ??= new TransportError('closed', 'the connection was closed');
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.buffered += d.length;
    // One chunk may hold several frames, and a frame may span many chunks.
    for (;;) {
      if (this.buffered < 2) return;
      const head = this.peek(2);
      const len = head.readUInt16BE(0);
      if (this.buffered < len + 2) return;
      const frame = this.take(len + 2).subarray(2);
      this.received++;
      const w = this.waiter;
      if (w) {
        this.waiter = undefined;
        w.resolve(frame);
      } else this.frames.push(frame);
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.merge(n);
    return this.chunks[0]!;
  }

  private take(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.merge(n);
    const first = this.chunks[0]!;
    const out = first.subarray(0, n);
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    return out;
  }

  /** Joins just enough leading chunks that the first holds at least `n` octets. */
  private merge(n: number): void {
    let count = 0;
    let size = 0;
    while (size < n) size += this.chunks[count++]!.length;
    this.chunks.splice(0, count, Buffer.concat(this.chunks.slice(0, count), size));
  }

  private fail(err: TransportError): void {
    if (this.failure) return;
    this.failure = err;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(err);
  }
}

/** One UDP exchange over a connected socket; the answer must carry the request's ID. */
export function udpExchange(endpoint: Endpoint, msg: Uint8Array, timeoutMs: number): Promise<Buffer> {
  const id = (msg[0]! << 8) | msg[1]!;
  return new Promise((resolve, reject) => {
    const sock = createSocket(isIP(endpoint.host) === 6 ? 'udp6' : 'udp4');
    let done = false;
    const finish = (err: Error | null, value?: Buffer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new TransportError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (err: NodeJS.ErrnoException) => finish(new TransportError(failureOf(err), err.message, { cause: err })));
    sock.on('message', (buf) => {
      if (buf.length >= 12 && readHeader(buf).id === id) finish(null, buf);
    });
    sock.connect(endpoint.port, endpoint.host, () => sock.send(msg));
  });
}
