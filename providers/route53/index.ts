/**
 * The ROUTE53 provider: Amazon Route 53 through `@aws-sdk/client-route-53`, record-set granularity,
 * changes in the fewest ChangeResourceRecordSets requests the API's limits allow.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext, ProviderDefinition, ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { META_ALIAS_ZONE, META_EVALUATE_HEALTH } from './alias.js';
import { createClient, Route53Api } from './api.js';
import { applyChanges } from './apply.js';
import { ROUTE53_CAPABILITIES } from './capabilities.js';
import { recordsFromRrset } from './convert.js';
import { auditRecords, prepareDesired } from './prepare.js';
import { parseRoute53Settings, type Route53Settings } from './settings.js';
import { requestedId, ZoneDirectory } from './zones.js';

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a ready instance for one creds.json entry. */
export function createRoute53(settings: Route53Settings, env: ProviderEnv): ProviderInstance {
  const sleep = settings.sleep ?? realSleep;
  const api = new Route53Api(createClient(settings), { maxAttempts: settings.maxAttempts, sleep, log: env.log }, settings.credentials?.secrets() ?? []);
  const zones = new ZoneDirectory(api);

  const mustResolve = async (zone: ZoneRef) => {
    const z = await zones.resolve(zone);
    if (!z) throw new ZonesmithError('route53-zone-missing', `${zone.name}: no such hosted zone in this Route 53 account`);
    return z;
  };

  return {
    async listZones() {
      return [...new Set((await zones.all()).map((z) => z.name))].sort();
    },

    async ensureZone(zone: ZoneRef) {
      if (await zones.resolve(zone)) return false;
      if (requestedId(zone) !== undefined) return false; // resolve() already threw for an unknown id
      const created = await api.createHostedZone(zone.name, `zonesmith-${randomUUID()}`, settings.delegationSetId);
      zones.invalidate();
      env.log(`${zone.name}: created hosted zone ${created.Id ?? ''}`);
      return true;
    },

    async nameservers(zone: ZoneRef) {
      const z = await zones.resolve(zone);
      if (!z) return [];
      return (await api.nameServers(z.id)).map((n) => (n.endsWith('.') ? n : `${n}.`).toLowerCase());
    },

    async getRecords(zone: ZoneRef) {
      const z = await zones.resolve(zone);
      if (!z) return null;
      const records: DnsRecord[] = [];
      let routing = 0;
      for (const rrset of await api.listRecordSets(z.id)) {
        const read = recordsFromRrset(rrset, z.id);
        if (read.kind === 'records') records.push(...read.records);
        else if (read.reason !== 'soa') routing++;
      }
      if (routing > 0) env.log(`${zone.name}: ${routing} record set(s) with a routing or traffic policy are left alone (zonesmith does not manage them)`);
      return records;
    },

    async apply(zone: ZoneRef, changes: readonly Change[], ctx: ApplyContext) {
      if (changes.length === 0) return;
      await applyChanges(api, await mustResolve(zone), changes, ctx, { waitForInsync: settings.waitForInsync, sleep });
    },

    prepareDesired(records: readonly DnsRecord[], zone: ZoneRef) {
      return prepareDesired(records, requestedId(zone) ?? zones.known.get(zone.name));
    },

    audit(records: readonly DnsRecord[]) {
      return auditRecords(records);
    },

    async close() {
      api.close();
    },
  };
}

/** The ROUTE53 provider definition. */
export const route53Provider: ProviderDefinition<Route53Settings> = {
  type: 'ROUTE53',
  capabilities: ROUTE53_CAPABILITIES,
  granularity: 'rrset',
  comparedMeta: [META_ALIAS_ZONE, META_EVALUATE_HEALTH],
  parseSettings: (creds) => parseRoute53Settings(creds),
  create: (settings, env) => createRoute53(settings, env),
};
