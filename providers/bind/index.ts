/**
 * The BIND provider: a directory of RFC 1035 zone files, one per zone, read by zonesmith's own
 * master-file reader and rewritten whole (sorted, aligned, SOA serial managed) by its writer.
 * The embedded default target: no server and no credentials needed.
 */
import type { ProviderDefinition } from '../../src/provider/types.js';
import { BIND_CAPABILITIES } from './capabilities.js';
import { createBindInstance } from './instance.js';
import { parseSettings, type BindSettings } from './settings.js';

/** The provider definition for the registry (providers/index.ts). */
export const bindProvider: ProviderDefinition<BindSettings> = {
  type: 'BIND',
  capabilities: BIND_CAPABILITIES,
  granularity: 'zone',
  parseSettings,
  create: (settings, env) => createBindInstance(settings, env),
};

export { createBindInstance, type BindOptions } from './instance.js';
export { parseSettings, type BindSettings, type SoaDefaults } from './settings.js';
export { readZone, readZoneFile, type ReadZoneOptions, type ZoneReadResult } from './zonefile-reader.js';
export { formatZone, writeZoneFile, zoneChunks, type WriteZoneOptions } from './zonefile-writer.js';
