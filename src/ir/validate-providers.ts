import type { Capabilities, Support } from '../provider/types.js';
import type { DnsRecord } from '../records/types.js';
import { error, type Diagnostic } from './diagnostic.js';
import type { IrConfig, IrDomain } from './types.js';

/** What validation needs to know about a configured DNS provider. */
export interface ProviderFacts {
  readonly type: string;
  readonly capabilities: Capabilities;
}

// Every provider holds these unless it says otherwise (DNSControl has no capability flag for them).
const BASIC_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT']);

/**
 * Checks each domain's records against the capabilities of the DNS providers it is attached to
 * (DNSControl's checkProviderCapabilities): a type a provider cannot hold fails at the record's
 * location. DS needs the DS capability, or `dsForChildren` when not at the apex. Providers missing
 * from the map (type only in creds.json, not yet known) are skipped, as DNSControl does for `-`.
 */
export function validateProviders(ir: IrConfig, providers: ReadonlyMap<string, ProviderFacts>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const domain of ir.domains) {
    for (const attached of domain.dnsProviders) {
      const facts = providers.get(attached.name);
      if (facts) checkDomain(domain, attached.name, facts, out);
    }
  }
  return out;
}

function checkDomain(domain: IrDomain, name: string, facts: ProviderFacts, out: Diagnostic[]): void {
  const who = name === facts.type ? `provider ${facts.type}` : `provider ${name} (${facts.type})`;
  const verdicts = new Map<string, Support>();
  const verdict = (rec: DnsRecord): Support => {
    const key = rec.type === 'DS' ? `DS${rec.name === domain.name ? '@' : ''}` : rec.type;
    let v = verdicts.get(key);
    if (!v) {
      v = support(rec, domain.name, facts.capabilities);
      verdicts.set(key, v);
    }
    return v;
  };
  for (const rec of domain.records) {
    const v = verdict(rec);
    if (v.can) continue;
    const where = rec.type === 'DS' && rec.name === domain.name ? ' at the apex' : '';
    const note = v.note ? ` (${v.note})` : '';
    out.push(error('provider-cannot-hold', `${who} cannot hold ${rec.type} records${where}${note}`, rec.source, domain.uniqueName));
  }
}

function support(rec: DnsRecord, zone: string, caps: Capabilities): Support {
  const declared = caps.records[rec.type];
  if (rec.type === 'DS') {
    if (declared?.can) return declared;
    const children = caps.features.dsForChildren;
    if (rec.name !== zone && children?.can) return children;
    return declared ?? { can: false };
  }
  if (declared) return declared;
  return { can: BASIC_TYPES.has(rec.type) };
}
