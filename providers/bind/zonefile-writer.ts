import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tokenizeRdata } from '../../src/records/text.js';
import type { DnsRecord } from '../../src/records/types.js';
import { absoluteName, relativeOwner } from './zonefile-names.js';
import { zoneFileOrder } from './zonefile-sort.js';
import { recordModule } from './record-types.js';

/** How to lay out a zone file. */
export interface WriteZoneOptions {
  /** The zone (canonical: no trailing dot); owners are written relative to it. */
  readonly zone: string;
  /** Lines for a comment block after `$TTL` (no `;` needed). */
  readonly comments?: readonly string[];
}

/**
 * The most common TTL, NS records not counted, ties to the highest; 300 for an empty zone
 * (DNSControl's MostCommonTTL, so files look the same).
 */
export function mostCommonTtl(records: readonly DnsRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of records) if (r.type !== 'NS') counts.set(r.ttl, (counts.get(r.ttl) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [ttl, c] of counts) {
    if (c > bestCount || (c === bestCount && ttl > best)) {
      best = ttl;
      bestCount = c;
    }
  }
  return bestCount === 0 ? 300 : best;
}

const NAME_COL = 11;
const TTL_COL = 17;
const TYPE_COL = 20;
const DATA_COL = 26;

function pad(s: string, col: number): string {
  return s.length >= col ? s : s + ' '.repeat(col - s.length);
}

/**
 * Renders records as a zone file in prettyzone order and layout (DNSControl's column widths:
 * owner, TTL when it differs from `$TTL`, `IN`, type, data; a repeated owner left blank), with
 * `$ORIGIN` so the file reads the same anywhere. Yields chunks of about 64 KiB.
 */
export function* zoneChunks(records: readonly DnsRecord[], options: WriteZoneOptions): Generator<string, void, undefined> {
  const zone = options.zone;
  const defaultTtl = mostCommonTtl(records);
  let out = `$ORIGIN ${absoluteName(zone)}\n$TTL ${defaultTtl}\n`;
  for (const c of options.comments ?? []) for (const line of c.split('\n')) if (line !== '') out += `; ${line}\n`;
  const order = zoneFileOrder(records, zone);
  let prevName: string | undefined;
  for (let k = 0; k < order.length; k++) {
    const r = records[order[k]!]!;
    let line = '';
    if (r.name !== prevName) {
      prevName = r.name;
      line = relativeOwner(r.name, zone);
    }
    line = line === '' ? pad('', NAME_COL) : pad(`${line} `, NAME_COL);
    if (r.ttl !== defaultTtl) line += `${r.ttl} `;
    line = `${pad(line, TTL_COL)}IN ${r.type} `;
    line = pad(line, DATA_COL) + zoneFileText(r);
    out += `${line}\n`;
    if (out.length > 65536) {
      yield out;
      out = '';
    }
  }
  yield out;
}

/**
 * The rdata as a zone file holds it: the type's `toZoneFile` (TXT cut into 255-octet strings) when
 * it has one, else the canonical text itself, which is valid zone-file text (absolute names).
 * Short printable TXT needs no cut, so it skips the parse.
 */
function zoneFileText(r: DnsRecord): string {
  if (r.type === 'TXT' && r.rdata.length <= 87) return r.rdata;
  const m = recordModule(r.type);
  if (m?.toZoneFile === undefined) return r.rdata;
  return m.toZoneFile(m.fromTokens(tokenizeRdata(r.rdata), '.'));
}

/** The zone file as one string. */
export function formatZone(records: readonly DnsRecord[], options: WriteZoneOptions): string {
  return [...zoneChunks(records, options)].join('');
}

/**
 * Writes the zone file atomically: into a temporary file in the same directory, flushed, then
 * renamed over the old one, so a reader (or named) never sees half a file. Creates the directory.
 */
export async function writeZoneFile(path: string, records: readonly DnsRecord[], options: WriteZoneOptions): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', 0o644);
  try {
    for (const chunk of zoneChunks(records, options)) await fh.write(chunk);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
}
