import type { IrDomain } from '../ir/types.js';
import type { DnsRecord } from '../records/types.js';
import { zoneRef } from './zone-ref.js';
import type { ProviderSession } from './session.js';

/**
 * The delegation for a domain, as DNSControl computes it: explicit NAMESERVER() names, then the first
 * n of each DNS provider's own nameservers (all of them for n = -1, none for 0), without duplicates.
 */
export async function domainNameservers(domain: IrDomain, session: ProviderSession): Promise<string[]> {
  const out: string[] = domain.nameservers.map((n) => absolute(n.name));
  for (const dp of domain.dnsProviders) {
    // Every provider of the domain counts, even those --providers left out: otherwise a partial run
    // would see the others' NS records as extra and delete them.
    if (dp.nameserverCount === 0) continue;
    const { instance } = session.get(dp.name);
    if (!instance.nameservers) continue;
    const all = (await instance.nameservers(zoneRef(domain))).map(absolute);
    out.push(...(dp.nameserverCount < 0 ? all : all.slice(0, dp.nameserverCount)));
  }
  return [...new Set(out)];
}

/** Apex NS records for a nameserver list, with the domain's NAMESERVER_TTL. */
export function apexNsRecords(domain: IrDomain, nameservers: readonly string[]): DnsRecord[] {
  return nameservers.map((ns) => Object.freeze({ name: domain.name, type: 'NS', ttl: domain.nameserverTtl, rdata: ns }));
}

function absolute(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}
