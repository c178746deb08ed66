/**
 * Loopback port allocation for real DNS servers in tests.
 *
 * BIND and Knot bind with SO_REUSEPORT, so a second server on a taken port may start "fine" and
 * steal half the queries (dns-servers.md, 2026-11). Two defences, both needed when several test
 * workers start servers at once:
 * 1. a cross-process reservation: an O_EXCL lock file per port holding the owner's pid (stale
 *    locks of dead processes are reclaimed), so two workers never pick the same port;
 * 2. an exclusive TCP listen plus an exclusive UDP bind, which fail when any process (ours or not,
 *    reuseport or not) holds the port.
 */
import { mkdirSync, openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Ports below the kernel's ephemeral range (32768-60999), so outgoing connections never take them. */
const LOW = 20000;
const HIGH = 31999;
const LOCK_DIR = join(tmpdir(), 'zonesmith-test-ports');

/** A port reserved for one server until release() is called. */
export interface PortReservation {
  readonly port: number;
  /** Drops the lock file; the port may then be handed out again. */
  release(): void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file for `port`; reclaims it when its owner process is gone. */
function lockPort(port: number): boolean {
  mkdirSync(LOCK_DIR, { recursive: true });
  const file = join(LOCK_DIR, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, 'utf8'));
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isInteger(owner) && owner > 0 && pidAlive(owner)) return false;
      try {
        unlinkSync(file);
      } catch {
        /* another worker reclaimed it first */
      }
    }
  }
  return false;
}

function unlockPort(port: number): void {
  try {
    unlinkSync(join(LOCK_DIR, String(port)));
  } catch {
    /* already gone */
  }
}

/** True when nobody holds `port` on 127.0.0.1 for TCP or UDP (exclusive binds, no reuseport). */
export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  const tcpOk = await new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
  if (!tcpOk) return false;
  return new Promise<boolean>((resolve) => {
    const sock = createSocket({ type: 'udp4', reuseAddr: false });
    sock.once('error', () => {
      sock.close();
      resolve(false);
    });
    sock.bind({ port, address: host, exclusive: true }, () => sock.close(() => resolve(true)));
  });
}

/** Reserves a free loopback port (TCP and UDP) in 20000-31999. */
export async function reservePort(host = '127.0.0.1'): Promise<PortReservation> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (!lockPort(port)) continue;
    if (await portIsFree(port, host)) {
      let released = false;
      return {
        port,
        release: () => {
          if (!released) unlockPort(port);
          released = true;
        },
      };
    }
    unlockPort(port);
  }
  throw new Error('no free loopback port found in 200 attempts');
}
