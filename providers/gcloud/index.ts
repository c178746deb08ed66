/**
 * The GCLOUD provider: Google Cloud DNS through `@google-cloud/dns`, record-set granularity,
 * changes in the fewest atomic Cloud DNS Changes the API's limits allow.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext, ProviderDefinition, ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { GcloudApi } from './api.js';
import { applyChanges } from './apply.js';
import { GCLOUD_CAPABILITIES } from './capabilities.js';
import { recordsFromRrset } from './convert.js';
import { auditRecords, prepareDesired } from './prepare.js';
import type { RetryPolicy } from './retry.js';
import { parseGcloudSettings, type GcloudSettings } from './settings.js';
import { createTransport } from './transport.js';
import { managedZoneName, ZoneDirectory } from './zones.js';

const realSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Builds a ready instance for one creds.json entry. */
export function createGcloud(settings: GcloudSettings, env: ProviderEnv): ProviderInstance {
  const retry: RetryPolicy = { maxAttempts: settings.maxAttempts, sleep: settings.sleep ?? realSleep, log: env.log };
  const api = new GcloudApi(createTransport(settings, readCa(settings, env)), retry, settings.credentials?.secrets() ?? []);
  const zones = new ZoneDirectory(api, settings.visibility);

  const mustResolve = async (zone: ZoneRef) => {
    const z = await zones.resolve(zone);
    if (!z) throw new ZonesmithError('gcloud-zone-missing', `${zone.name}: no such managed zone in Cloud DNS project ${settings.projectId}`);
    return z;
  };

  return {
    async listZones() {
      return [...new Set((await zones.all()).map((z) => z.name))].sort();
    },

    async ensureZone(zone: ZoneRef) {
      if (await zones.resolve(zone)) return false;
      const id = managedZoneName(zone.name);
      await api.createManagedZone({
        name: id,
        dnsName: `${zone.name}.`,
        description: 'zone added by zonesmith',
        ...(settings.nameServerSet !== undefined ? { nameServerSet: settings.nameServerSet } : {}),
        ...(settings.visibility === 'private'
          ? { visibility: 'private', privateVisibilityConfig: { networks: settings.networks.map((n) => ({ networkUrl: networkUrl(n, settings.projectId) })) } }
          : {}),
      });
      zones.invalidate();
      env.log(`${zone.name}: created managed zone ${id}`);
      return true;
    },

    async nameservers(zone: ZoneRef) {
      return [...((await zones.resolve(zone))?.nameServers ?? [])];
    },

    async getRecords(zone: ZoneRef) {
      const z = await zones.resolve(zone);
      if (!z) return null;
      const records: DnsRecord[] = [];
      const left: string[] = [];
      for (const rrset of await api.listRrsets(z.id)) {
        const read = recordsFromRrset(rrset, z.name);
        if (read.kind === 'records') records.push(...read.records);
        else if (read.reason !== 'soa') left.push(`${rrset.name} ${rrset.type} (${read.reason})`);
      }
      if (left.length > 0) env.log(`${zone.name}: ${left.length} record set(s) zonesmith does not manage are left alone: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''}`);
      return records;
    },

    async apply(zone: ZoneRef, changes: readonly Change[], ctx: ApplyContext) {
      if (changes.length === 0) return;
      await applyChanges(api, await mustResolve(zone), changes, ctx, { retry });
    },

    prepareDesired(records: readonly DnsRecord[]) {
      return prepareDesired(records);
    },

    audit(records: readonly DnsRecord[], zone: ZoneRef) {
      return auditRecords(records, zone, settings.visibility);
    },

    async close() {
      api.close();
    },
  };
}

/** `ca_file`'s certificates, read once when the instance is made. */
function readCa(settings: GcloudSettings, env: ProviderEnv): string | undefined {
  if (settings.caFile === undefined) return undefined;
  try {
    const pem = readFileSync(resolve(env.configDir, settings.caFile), 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (err) {
    throw new ZonesmithError('gcloud-setting-invalid', `GCLOUD setting "ca_file": cannot read CA certificates from ${settings.caFile}: ${(err as Error).message}`);
  }
}

/** DNSControl accepts a bare network name for a network of the same project. */
function networkUrl(network: string, projectId: string): string {
  return network.startsWith('https://') ? network : `https://www.googleapis.com/compute/v1/projects/${projectId}/global/networks/${network}`;
}

/** The GCLOUD provider definition. */
export const gcloudProvider: ProviderDefinition<GcloudSettings> = {
  type: 'GCLOUD',
  capabilities: GCLOUD_CAPABILITIES,
  granularity: 'rrset',
  parseSettings: (creds, meta) => parseGcloudSettings(creds, meta),
  create: (settings, env) => createGcloud(settings, env),
};
