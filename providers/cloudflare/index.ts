/**
 * The CLOUDFLAREAPI provider: Cloudflare DNS through the official `cloudflare` SDK, record
 * granularity, changes sent through `dns_records/batch` in the fewest requests the per-batch limit
 * allows.
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext, ProviderDefinition, ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { CloudflareApi, createClient } from './api.js';
import { applyChanges } from './apply.js';
import { CLOUDFLARE_CAPABILITIES } from './capabilities.js';
import { recordFromNative } from './convert.js';
import { COMPARED_META, zoneOptions } from './meta.js';
import { auditRecords, prepareDesired, type PrepareNote } from './prepare.js';
import { parseCloudflareSettings, type CloudflareSettings } from './settings.js';
import { ZoneDirectory } from './zones.js';

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a ready instance for one creds.json entry. */
export function createCloudflare(settings: CloudflareSettings, env: ProviderEnv): ProviderInstance {
  const policy = { maxAttempts: settings.maxAttempts, serverRetries: 2, maxWaitMs: settings.maxRetryWaitMs, sleep: settings.sleep ?? realSleep, log: env.log };
  const api = new CloudflareApi(createClient(settings), policy, settings.credentials.secrets(), settings.perPage);
  const zones = new ZoneDirectory(api, settings.accountId);
  const notes = new WeakMap<DnsRecord, PrepareNote[]>();

  const mustResolve = async (zone: ZoneRef) => {
    const z = await zones.resolve(zone);
    if (!z) throw new ZonesmithError('cloudflare-zone-missing', `${zone.name}: no such zone in this Cloudflare account`);
    return z;
  };

  return {
    async listZones() {
      return [...new Set((await zones.all()).map((z) => z.name))].sort();
    },

    async ensureZone(zone: ZoneRef) {
      if (await zones.resolve(zone)) return false;
      if (settings.accountId === undefined) {
        throw new ZonesmithError('cloudflare-account-missing', `${zone.name}: creating a Cloudflare zone needs "accountid" in creds.json`);
      }
      const created = await api.createZone(zone.name, settings.accountId);
      zones.remember(created);
      env.log(`${zone.name}: created Cloudflare zone ${created.id}; delegate it to ${created.nameServers.join(', ')}`);
      return true;
    },

    async nameservers(zone: ZoneRef) {
      const z = await zones.resolve(zone);
      return (z?.nameServers ?? []).map((n) => `${n.toLowerCase().replace(/\.$/, '')}.`);
    },

    async getRecords(zone: ZoneRef) {
      const z = await zones.resolve(zone);
      if (!z) return null;
      const opts = zoneOptions(zone);
      const records: DnsRecord[] = [];
      let apexNs = 0;
      let unreadable = 0;
      for (const n of await api.listRecords(z.id)) {
        const read = recordFromNative(n, zone.name, opts);
        if (read.kind === 'skipped') apexNs++;
        else {
          records.push(read.record);
          if (read.unreadable) unreadable++;
        }
      }
      if (apexNs > 0) env.log(`${zone.name}: ${apexNs} apex NS record(s) left alone (Cloudflare serves the zone's own nameservers)`);
      if (unreadable > 0) env.log(`${zone.name}: ${unreadable} record(s) whose value zonesmith cannot read are compared by Cloudflare's content text`);
      return records;
    },

    async apply(zone: ZoneRef, changes: readonly Change[], ctx: ApplyContext) {
      if (changes.length === 0) return;
      await applyChanges(api, await mustResolve(zone), zone, changes, ctx, settings.batchLimit);
    },

    prepareDesired(records: readonly DnsRecord[], zone: ZoneRef) {
      return prepareDesired(records, zone, { minTtl: settings.minTtl, notes });
    },

    audit(records: readonly DnsRecord[], zone: ZoneRef) {
      return auditRecords(records, zone, notes);
    },
  };
}

/** The CLOUDFLAREAPI provider definition. */
export const cloudflareProvider: ProviderDefinition<CloudflareSettings> = {
  type: 'CLOUDFLAREAPI',
  capabilities: CLOUDFLARE_CAPABILITIES,
  granularity: 'record',
  comparedMeta: COMPARED_META,
  parseSettings: (creds) => parseCloudflareSettings(creds),
  create: (settings, env) => createCloudflare(settings, env),
};
