/** The handle every test server (BIND, Knot) returns, and the start/retry logic they share. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { reservePort, type PortReservation } from './ports.js';
import { spawnDaemon, waitReady, stopDaemon, killDaemon, FatalProbeError, type Daemon } from './daemon.js';
import { queryUdp } from './probe.js';
import { bindKeyClause, makeKey, type KeySpec, type TestKey } from './keys.js';
import { zoneText, type ZoneSpec } from './zone-text.js';

/** A real DNS server running on loopback for one test file. */
export interface TestServer {
  readonly kind: 'bind' | 'knot';
  readonly host: string;
  readonly port: number;
  /** `127.0.0.1:port`, the form creds.json's `master` takes. */
  readonly address: string;
  /** The fresh temp dir holding config, zone files and journals. */
  readonly dir: string;
  /** The unique instance id the server answers to `version.bind CH TXT`. */
  readonly id: string;
  /** Keys the server knows, by name. */
  readonly keys: Readonly<Record<string, TestKey>>;
  /** The first key: allowed to update and transfer every zone unless the zone says otherwise. */
  readonly key: TestKey;
  readonly zones: readonly string[];
  /** Path of the zone file the server loaded `zone` from. */
  zoneFile(zone: string): string;
  /** Path of a BIND-syntax key file for `dig -k` / `nsupdate -k` (default: the first key). */
  keyFile(keyName?: string): string;
  /** The daemon's log so far (stderr). */
  log(): string;
  /** SIGKILL: a crash. The dir and port stay reserved so restart() can bring it back. */
  kill(): Promise<void>;
  /** Starts the daemon again on the same dir and port (journals are replayed). */
  restart(): Promise<void>;
  /** SIGTERM, remove the dir, release the port. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options both servers take. */
export interface ServerOptions {
  /** Zones to serve; at least one. */
  readonly zones: readonly ZoneSpec[];
  /** TSIG keys; default one hmac-sha256 key `zs-key` with a random secret. */
  readonly keys?: readonly (KeySpec | TestKey)[];
  /** Readiness timeout in ms (default 15 s). */
  readonly readyTimeoutMs?: number;
}

/** What a server kind contributes: its config file and command line. */
export interface ServerFlavor {
  readonly kind: 'bind' | 'knot';
  /** Writes the config into `dir`; returns the command and arguments to start the daemon. */
  configure(ctx: { dir: string; port: number; id: string; keys: TestKey[]; zones: readonly ZoneSpec[] }): { command: string; args: string[] };
}

/** ACL key names for a zone's update or transfer setting. */
export function aclKeys(setting: ZoneSpec['update'], keys: readonly TestKey[]): string[] | 'any' | 'none' {
  if (setting === 'any' || setting === 'none') return setting;
  return setting === undefined ? keys.map((k) => k.name) : [...setting];
}

class PortCollision extends FatalProbeError {}

/**
 * Proves the daemon on `port` is this instance and every zone is loaded (authoritative SOA).
 * One identity probe only: BIND's built-in `_bind` view rate-limits CHAOS answers to about 3 a
 * second (seen as "rate limit drop response ... version.bind", 9.18.49, 2026-11). A foreign
 * instance sharing the port is excluded by the port lock and the exclusive bind probe beforehand.
 */
async function instanceReady(port: number, id: string, zones: readonly ZoneSpec[]): Promise<boolean> {
  const v = await queryUdp('127.0.0.1', port, { name: 'version.bind', type: 'TXT', class: 'CH' }, 300);
  if (v.values[0] !== id) {
    if (v.values.length > 0) throw new PortCollision(`port ${port} answered as "${v.values[0]}", not ${id}`);
    return false;
  }
  const answers = await Promise.all(zones.map((z) => queryUdp('127.0.0.1', port, { name: z.name, type: 'SOA' }, 1000)));
  return answers.every((a) => a.rcode === 'NOERROR' && a.authoritative && a.values.length === 1);
}

/** Starts a server of `flavor`: fresh temp dir, reserved port, readiness proven; retries on a port collision. */
export async function startServer(flavor: ServerFlavor, opts: ServerOptions): Promise<TestServer> {
  if (opts.zones.length === 0) throw new Error('a test server needs at least one zone');
  const keys = (opts.keys ?? [{ name: 'zs-key' }]).map((k) => ('secret' in k && k.secret && 'algorithm' in k && k.algorithm ? (k as TestKey) : makeKey(k)));
  if (keys.length === 0) throw new Error('a test server needs at least one key');
  let lastErr: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    const reservation = await reservePort();
    const dir = mkdtempSync(join(tmpdir(), `zs-${flavor.kind}-`));
    try {
      return await launch(flavor, opts, keys, reservation, dir);
    } catch (err) {
      reservation.release();
      rmSync(dir, { recursive: true, force: true });
      lastErr = err;
      const collided = err instanceof PortCollision || /address already in use|EADDRINUSE/i.test(String((err as Error).message));
      if (!collided) throw err;
    }
  }
  throw lastErr;
}

async function launch(flavor: ServerFlavor, opts: ServerOptions, keys: TestKey[], reservation: PortReservation, dir: string): Promise<TestServer> {
  const port = reservation.port;
  const id = `zs-${flavor.kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
  for (const z of opts.zones) writeFileSync(join(dir, `${z.name}.zone`), zoneText(z));
  for (const k of keys) writeFileSync(join(dir, `${k.name}.key`), bindKeyClause(k), { mode: 0o600 });
  const { command, args } = flavor.configure({ dir, port, id, keys, zones: opts.zones });
  const what = `${flavor.kind} on 127.0.0.1:${port} (${dir})`;
  const start = async (): Promise<Daemon> => {
    const d = spawnDaemon(command, args, dir);
    await waitReady(d, what, () => instanceReady(port, id, opts.zones), opts.readyTimeoutMs);
    return d;
  };
  let daemon = await start();
  let stopped = false;
  const byName: Record<string, TestKey> = Object.fromEntries(keys.map((k) => [k.name, k]));
  return {
    kind: flavor.kind,
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    dir,
    id,
    keys: byName,
    key: keys[0]!,
    zones: opts.zones.map((z) => z.name),
    zoneFile: (zone) => join(dir, `${zone}.zone`),
    keyFile: (name) => join(dir, `${name ?? keys[0]!.name}.key`),
    log: () => daemon.log(),
    kill: () => killDaemon(daemon),
    restart: async () => {
      if (stopped) throw new Error(`${what} was stopped; cannot restart`);
      await stopDaemon(daemon);
      daemon = await start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopDaemon(daemon);
      rmSync(dir, { recursive: true, force: true });
      reservation.release();
    },
  };
}
