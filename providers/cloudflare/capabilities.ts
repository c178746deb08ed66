import { canEach, cannotEach } from '../../src/provider/capabilities.js';
import { can, cannot, type Capabilities } from '../../src/provider/types.js';

/**
 * What CLOUDFLAREAPI can hold: DNSControl's CLOUDFLAREAPI feature map (ALIAS via CNAME flattening,
 * CAA, DS below the apex, HTTPS, LOC, NAPTR, PTR, SRV, SSHFP, SVCB, TLSA; DualHost cannot) on the
 * record types the Cloudflare API takes (SDK 7.3.0 RecordListParams.type, checked 2026-11).
 */
export const CLOUDFLARE_CAPABILITIES: Capabilities = {
  records: {
    ...canEach(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA', 'HTTPS', 'LOC', 'NAPTR', 'PTR', 'SRV', 'SSHFP', 'SVCB', 'TLSA']),
    ...cannotEach(['DNAME', 'DHCID', 'RP'], 'not a Cloudflare record type'),
    ...cannotEach(['OPENPGPKEY', 'SMIMEA'], 'not managed by zonesmith\'s Cloudflare provider (DNSControl does not either)'),
    NS: can('below the apex; Cloudflare serves the apex NS records itself'),
    ALIAS: can('stored as a CNAME, which Cloudflare flattens at the apex'),
    DS: can('at delegations below the apex; Cloudflare publishes the zone\'s own DS through its DNSSEC settings'),
    SOA: cannot('Cloudflare owns the SOA record'),
    DNSKEY: cannot('Cloudflare signs zones itself'),
    R53_ALIAS: cannot('a Route 53 record type'),
  },
  features: {
    getZones: can(),
    createZones: can('needs "accountid" in creds.json'),
    concurrency: can('zones are read in parallel; each zone is written batch after batch'),
    dualHost: cannot('Cloudflare serves the apex NS records itself and will not work well when it is not the only DNS server'),
    dsForChildren: can('DS records at delegation points'),
  },
};
