/**
 * What a BIND zone file can hold. Capabilities are data; anything not listed is "cannot".
 */
import { can, cannot, type Capabilities } from '../../src/provider/types.js';

/** Record types and features of the BIND provider. */
export const BIND_CAPABILITIES: Capabilities = {
  records: {
    A: can(),
    AAAA: can(),
    CAA: can(),
    CNAME: can(),
    DHCID: can(),
    DNAME: can('not at the apex: the zone\'s own NS records would sit below it'),
    DNSKEY: can(),
    DS: can(),
    HTTPS: can(),
    LOC: can(),
    MX: can(),
    NAPTR: can(),
    NS: can(),
    OPENPGPKEY: can(),
    PTR: can(),
    RP: can(),
    SMIMEA: can(),
    SOA: can('only the serial is managed by the provider'),
    SRV: can(),
    SSHFP: can(),
    SVCB: can(),
    TLSA: can(),
    TXT: can(),
    ALIAS: cannot('ALIAS is not a DNS type; BIND cannot load it'),
    R53_ALIAS: cannot('Route 53 aliases exist only at Route 53'),
  },
  features: {
    getZones: can('lists the zone files in the directory'),
    createZones: can('writes a new zone file with an SOA and NS records'),
    concurrency: can(),
    dualHost: can(),
  },
};
