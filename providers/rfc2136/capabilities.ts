/**
 * What a standard authoritative server (BIND 9, Knot 3) holds through AXFR and DNS UPDATE.
 * Capabilities are data; anything not listed is "cannot".
 */
import { can, cannot, type Capabilities } from '../../src/provider/types.js';

/** Record types and features of the RFC2136 provider. */
export const RFC2136_CAPABILITIES: Capabilities = {
  records: {
    A: can(),
    AAAA: can(),
    CAA: can(),
    CNAME: can(),
    DHCID: can(),
    DNAME: can(),
    DS: can('below the apex only; a zone\'s own DS belongs in its parent'),
    HTTPS: can(),
    LOC: can(),
    MX: can(),
    NAPTR: can(),
    NS: can(),
    OPENPGPKEY: can(),
    PTR: can(),
    RP: can(),
    SMIMEA: can(),
    SRV: can(),
    SSHFP: can(),
    SVCB: can(),
    TLSA: can(),
    TXT: can(),
    ALIAS: cannot('ALIAS is not a DNS type: no server can hold it'),
    SOA: cannot('the server owns the SOA and bumps its serial on every UPDATE'),
    DNSKEY: cannot('the server manages DNSKEY records when it signs the zone'),
  },
  features: {
    getZones: cannot('AXFR and UPDATE have no way to list the zones of a server'),
    createZones: cannot('zones are created in the server configuration'),
    concurrency: can(),
    dualHost: can('apex NS adds are sent before the deletes, so the zone never loses its last NS'),
    dsForChildren: can(),
  },
};
