import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ZonesmithError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import type { ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import { auditRecords, findSoa, hasSoaMarker, prepareDesiredRecord, recordsToWrite, SOA_MARKER, type FileState, type ZoneWrite } from './convert.js';
import { formatFilename, parseFilenameFormat, zoneFromFilename, zoneNames } from './filename-format.js';
import type { BindSettings } from './settings.js';
import { canonicalOrigin, readZone } from './zonefile-reader.js';
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
  /** What each file held when this instance last read or wrote it, by path (null: no file). */
  const files = new Map<string, FileState | null>();

  const zoneOf = (ref: ZoneRef): string => canonicalOrigin(ref.name);
  const shown = (path: string): string => relative(env.configDir, path) || path;
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

  const load = async (ref: ZoneRef): Promise<FileState | null> => {
    const path = pathOf(ref);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      files.set(path, null);
      return null;
    }
    const result = readZone(bytes, { origin: zoneOf(ref), file: shown(path) });
    for (const d of result.diagnostics) if (d.severity !== 'error') env.log(`BIND: ${formatDiagnostic(d)}`);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new ZonesmithError('bind-zonefile-invalid', `${shown(path)} cannot be read: ${errors.length} error(s)`, { diagnostics: errors });
    }
    const soaFromConfig = hasSoaMarker(bytes);
    const state: FileState = {
      records: soaFromConfig ? result.records : result.records.filter((r) => r.type !== 'SOA'),
      soa: findSoa(result.records),
      soaFromConfig,
    };
    files.set(path, state);
    return state;
  };

  const write = async (path: string, zone: string, w: ZoneWrite): Promise<void> => {
    await writeZoneFile(path, w.records, { zone, comments: w.soaFromConfig ? [SOA_MARKER] : [] });
    files.set(path, { records: w.soaFromConfig ? w.records : w.records.slice(1), soa: w.records[0], soaFromConfig: w.soaFromConfig });
  };

  return {
    async getRecords(ref) {
      return (await load(ref))?.records.slice() ?? null;
    },

    prepareDesired(records, ref) {
      const soa = files.get(pathOf(ref))?.soa;
      return records.map((r) => prepareDesiredRecord(r, soa));
    },

    audit(records, ref) {
      return auditRecords(records, zoneOf(ref));
    },

    async apply(ref, changes, ctx) {
      const zone = zoneOf(ref);
      const path = pathOf(ref);
      // The file as this run read it (or as ensureZone just made it); read it now if it was not.
      const known = files.has(path) ? files.get(path)! : await load(ref);
      const w = recordsToWrite(ctx.desired, known ?? NO_FILE, zone, settings, now());
      if (w === null) ctx.log(`${shown(path)} already holds this content; not rewritten`);
      else {
        await write(path, zone, w);
        ctx.log(`wrote ${shown(path)} (${w.records.length} records)`);
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
      // With nothing there is always something to write: an SOA and the apex NS.
      const w = recordsToWrite([], NO_FILE, zone, settings, now());
      if (w) await write(path, zone, w);
      return true;
    },

    async nameservers() {
      return [...settings.defaultNs];
    },
  };
}

const NO_FILE: FileState = { records: [], soa: undefined, soaFromConfig: false };

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
