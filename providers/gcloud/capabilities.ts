import { canEach, cannotEach } from '../../src/provider/capabilities.js';
import { can, cannot, type Capabilities } from '../../src/provider/types.js';

/**
 * What GCLOUD can hold: DNSControl's GCLOUD feature table (ALIAS, CAA, PTR, SRV, SSHFP, TLSA,
 * HTTPS, SVCB, DS for children; LOC cannot), plus NAPTR, which Cloud DNS's list of supported
 * record types includes (A AAAA ALIAS CAA CNAME DNSKEY DS HTTPS IPSECKEY MX NAPTR NS PTR SOA SPF
 * SRV SSHFP SVCB TLSA TXT; cloud.google.com/dns/docs/records-overview, checked 2026-11).
 */
export const GCLOUD_CAPABILITIES: Capabilities = {
  records: {
    ...canEach(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'CAA', 'PTR', 'SRV', 'SSHFP', 'TLSA', 'HTTPS', 'SVCB', 'NAPTR']),
    ...cannotEach(['LOC', 'DNAME', 'RP', 'DHCID', 'OPENPGPKEY', 'SMIMEA'], 'not a Cloud DNS record type'),
    ALIAS: can('at the zone apex of a public zone only (Cloud DNS ALIAS records)'),
    DS: cannot('only below the apex (see dsForChildren)'),
    SOA: cannot('Cloud DNS owns the SOA record; zonesmith leaves it alone'),
    DNSKEY: cannot('Cloud DNS takes DNSKEY only for zones in DNSSEC transfer state'),
    R53_ALIAS: cannot('Route 53 only'),
  },
  features: {
    getZones: can(),
    createZones: can(),
    concurrency: can('zones are read in parallel; each zone is written change after change'),
    dualHost: can('apex NS records can be replaced (never removed)'),
    dsForChildren: can('DS records at delegation points'),
  },
};
