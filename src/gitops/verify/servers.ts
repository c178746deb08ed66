import { lookup } from 'node:dns/promises';
import { ZonesmithError } from '../../errors.js';
import type { ZoneWork } from '../../reconcile/gather.js';
import type { QueryTarget } from './wire.js';

/** Resolves a host name to addresses (the system resolver by default). */
export type AddressLookup = (host: string) => Promise<string[]>;

/** getaddrinfo through Node: /etc/hosts and the system's resolver, as any client on the machine sees it. */
export const systemLookup: AddressLookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Parses a `--verify-server` value: `host`, `host:port`, `[v6]:port` or a bare IPv6 address (port 53). */
export function parseServer(value: string): { host: string; port: number } {
  const v = value.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(v);
  let host = v;
  let port = 53;
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2] !== undefined) port = Number(bracket[2]);
  } else if ((v.match(/:/g) ?? []).length === 1) {
    host = v.slice(0, v.indexOf(':'));
    port = Number(v.slice(v.indexOf(':') + 1));
  }
  if (host === '' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ZonesmithError('verify-server-invalid', `--verify-server must be host, host:port or [v6]:port, not "${value}"`);
  }
  return { host, port };
}

/** Resolves `--verify-server` values to query targets (every address of each host). */
export async function overrideTargets(values: readonly string[], resolve: AddressLookup = systemLookup): Promise<QueryTarget[]> {
  const out: QueryTarget[] = [];
  for (const v of values) {
    const { host, port } = parseServer(v);
    const literal = /^[\d.]+$/.test(host) || host.includes(':');
    const addrs = literal ? [host] : await resolve(host);
    for (const a of addrs) out.push({ address: a, port, label: literal ? `${a.includes(':') ? `[${a}]` : a}:${port}` : `${host} (${a}:${port})` });
  }
  return out;
}

/**
 * The authoritative servers of a pushed zone: its apex NS records as pushed, each name's addresses
 * from the zone itself when the name is inside it (glue), else from the system resolver. Names that
 * do not resolve are listed in `problems`.
 */
export async function zoneTargets(work: ZoneWork, resolve: AddressLookup = systemLookup): Promise<{ targets: QueryTarget[]; problems: string[] }> {
  const zone = work.domain.name;
  const desired = work.diff?.desiredPlus ?? [];
  const hosts = [...new Set(desired.filter((r) => r.type === 'NS' && r.name === zone).map((r) => r.rdata.toLowerCase().replace(/\.$/, '')))];
  const targets: QueryTarget[] = [];
  const problems: string[] = [];
  if (hosts.length === 0) problems.push(`${zone} has no apex NS records to ask (use --verify-server)`);
  for (const host of hosts) {
    let addrs: string[];
    if (host === zone || host.endsWith(`.${zone}`)) {
      addrs = desired.filter((r) => r.name === host && (r.type === 'A' || r.type === 'AAAA')).map((r) => r.rdata);
    } else {
      try {
        addrs = await resolve(host);
      } catch (err) {
        problems.push(`${host}: cannot resolve its address (${(err as Error).message})`);
        continue;
      }
    }
    if (addrs.length === 0) problems.push(`${host}: no address found`);
    for (const a of addrs) targets.push({ address: a, port: 53, label: `${host}. (${a.includes(':') ? `[${a}]` : a})` });
  }
  return { targets, problems };
}
