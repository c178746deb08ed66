import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ZonesmithError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import type { ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { auditRecords, findSoa, prepareDesiredRecords, recordsToWrite } from './convert.js';
import { formatFilename, parseFilenameFormat, zoneFromFilename, zoneNames } from './filename-format.js';
import type { BindSettings } from './settings.js';
import { soaFields } from './soa.js';
import { canonicalOrigin, readZoneFile } from './zonefile-reader.js';
import { writeZoneFile } from './zonefile-writer.js';

/** Test hooks; production uses the defaults. */
export interface BindOptions {
  /** The clock for SOA serials (default: the system clock). */
  readonly now?: () => Date;
}

/** Directories deeper than this are not searched by listZones (a format rarely nests). */
const MAX_LIST_DEPTH = 4;

/**
 * A BIND provider instance: one zone file per zone in `directory`, read with the zone-file reader
 * and rewritten whole (granularity `zone`) by the writer, atomically.
 */
export function createBindInstance(settings: BindSettings, env: ProviderEnv, options: BindOptions = {}): ProviderInstance {
  for (const note of settings.notes) env.log(`BIND: ${note}`);
  const dir = isAbsolute(settings.directory) ? settings.directory : resolve(env.configDir, settings.directory);
  const pieces = parseFilenameFormat(settings.filenameFormat);
  const now = options.now ?? (() => new Date());
  /** The SOA each zone file had when it was last read, by path: prepareDesired carries it over. */
  const soaSeen = new Map<string, DnsRecord | undefined>();

  const zoneOf = (ref: ZoneRef): string => canonicalOrigin(ref.name);
  const pathOf = (ref: ZoneRef): string => {
    const name = formatFilename(pieces, zoneNames(zoneOf(ref), ref.tag ?? '', ref.unicodeName));
    // Joined, not resolved, as DNSControl does: an empty %T at the start leaves a harmless "/".
    const path = join(dir, name);
    const rel = relative(dir, path);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
      throw new ZonesmithError('bind-filename-outside-directory', `the file name for zone ${ref.name} ("${name}") leaves the zone directory`);
    }
    return path;
  };

  const read = async (ref: ZoneRef): Promise<DnsRecord[] | null> => {
    const path = pathOf(ref);
    const result = await readZoneFile(path, { origin: zoneOf(ref), file: relative(env.configDir, path) || path });
    if (result === null) {
      soaSeen.set(path, undefined);
      return null;
    }
    for (const d of result.diagnostics) if (d.severity !== 'error') env.log(`BIND: ${formatDiagnostic(d)}`);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new ZonesmithError('bind-zonefile-invalid', `${relative(env.configDir, path) || path} cannot be read: ${errors.length} error(s)`, { diagnostics: errors });
    }
    soaSeen.set(path, findSoa(result.records));
    return result.records;
  };

  return {
    getRecords: read,

    prepareDesired(records, ref) {
      return prepareDesiredRecords(records, soaSeen.get(pathOf(ref)));
    },

    audit(records, ref) {
      return auditRecords(records, zoneOf(ref));
    },

    async apply(ref, changes, ctx) {
      const zone = zoneOf(ref);
      const path = pathOf(ref);
      // A zone ensureZone created in this run already has a serial; never go below it.
      const seen = soaSeen.get(path);
      const floor = seen ? soaFields(seen.rdata).serial : 0;
      const records = recordsToWrite(ctx.desired, ctx.existing, zone, settings, now(), floor);
      if (records === null) {
        ctx.log(`${relative(env.configDir, path) || path} already holds this content; not rewritten`);
      } else {
        await writeZoneFile(path, records, { zone });
        soaSeen.set(path, findSoa(records));
        ctx.log(`wrote ${relative(env.configDir, path) || path} (${records.length} records)`);
      }
      ctx.applied(changes);
    },

    async listZones() {
      const zones = new Set<string>();
      const walk = async (sub: string, depth: number): Promise<void> => {
        let entries;
        try {
          entries = await readdir(join(dir, sub), { withFileTypes: true });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw e;
        }
        for (const e of entries) {
          const rel = sub === '' ? e.name : `${sub}/${e.name}`;
          if (e.isDirectory() && depth < MAX_LIST_DEPTH) await walk(rel, depth + 1);
          else if (e.isFile()) {
            const zone = zoneFromFilename(pieces, rel);
            if (zone !== null) zones.add(zone);
          }
        }
      };
      await walk('', 0);
      return [...zones].sort();
    },

    async ensureZone(ref) {
      const path = pathOf(ref);
      if (await exists(path)) return false;
      const zone = zoneOf(ref);
      // With nothing existing there is always something to write: an SOA and the apex NS.
      const records = recordsToWrite([], [], zone, settings, now(), 0) ?? [];
      await writeZoneFile(path, records, { zone });
      soaSeen.set(path, findSoa(records));
      return true;
    },

    async nameservers() {
      return [...settings.defaultNs];
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
