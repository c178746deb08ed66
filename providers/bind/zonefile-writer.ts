import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DnsRecord } from '../../src/records/types.js';
import { zoneChunks, type WriteZoneOptions } from './zonefile-render.js';

export { mostCommonTtl, zoneChunks, type WriteZoneOptions } from './zonefile-render.js';

/** The zone file as one string. */
export function formatZone(records: readonly DnsRecord[], options: WriteZoneOptions): string {
  return Buffer.concat([...zoneChunks(records, options)]).toString('utf8');
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
