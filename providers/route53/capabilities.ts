import { canEach, cannotEach } from '../../src/provider/capabilities.js';
import { can, cannot, type Capabilities } from '../../src/provider/types.js';

/**
 * What ROUTE53 can hold: DNSControl's ROUTE53 feature map (CAA, PTR, SRV, SSHFP, TLSA, HTTPS, SVCB,
 * R53_ALIAS; ALIAS and LOC cannot), plus NAPTR and DS below the apex, which the Route 53 API's
 * RRType list includes (A AAAA CAA CNAME DS HTTPS MX NAPTR NS PTR SOA SPF SRV SSHFP SVCB TLSA TXT;
 * @aws-sdk/client-route-53 3.1169.0, checked 2026-11).
 */
export const ROUTE53_CAPABILITIES: Capabilities = {
  records: {
    ...canEach(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'CAA', 'PTR', 'SRV', 'SSHFP', 'TLSA', 'HTTPS', 'SVCB', 'NAPTR', 'R53_ALIAS']),
    ...cannotEach(['LOC', 'DNAME', 'RP', 'DHCID', 'OPENPGPKEY', 'SMIMEA'], 'not a Route 53 record type'),
    ALIAS: cannot('Route 53 has no generic ALIAS; use R53_ALIAS'),
    SOA: cannot('Route 53 owns the SOA record; zonesmith leaves it alone'),
    DS: cannot('only below the apex (see dsForChildren)'),
    DNSKEY: cannot('Route 53 signs zones itself'),
  },
  features: {
    getZones: can(),
    createZones: can(),
    concurrency: can('zones are read in parallel; each zone is written batch after batch'),
    dualHost: can('apex NS records can be changed (never removed)'),
    dsForChildren: can('DS records at delegation points'),
  },
};
