/**
 * Record type names BIND 9.18 knows, with their numbers, so the reader can tell a type it cannot
 * model (HINFO: kept as opaque text) from one that does not exist (FOO: an error, as in
 * named-checkzone) and can read RFC 3597 `TYPEnnn`. Checked one by one against named-checkzone
 * 9.18.49, 2026-11: every name here loads, except MD/MF (obsolete) and the meta types (refused).
 */

const TYPES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12,
  HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22,
  'NSAP-PTR': 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31,
  NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, OPT: 41,
  APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
  NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59,
  CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, DSYNC: 66, SPF: 99,
  UINFO: 100, UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105, L64: 106, LP: 107, EUI48: 108,
  EUI64: 109, TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254, ANY: 255,
  URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261, WALLET: 262, TA: 32768,
  DLV: 32769,
};

const BY_CODE = new Map<number, string>(Object.entries(TYPES).map(([k, v]) => [v, k]));

/** Types that may not appear in a zone file at all. */
const META = new Set(['OPT', 'TKEY', 'TSIG', 'IXFR', 'AXFR', 'MAILB', 'MAILA', 'ANY']);
/** Types BIND refuses as obsolete. */
const OBSOLETE = new Set(['MD', 'MF']);

/** What the reader may do with a type name. */
export type TypeStatus =
  | { readonly kind: 'known'; readonly name: string; readonly code: number }
  | { readonly kind: 'meta' | 'obsolete'; readonly name: string }
  | { readonly kind: 'unknown' };

/**
 * Resolves a type token (any case; `TYPE28` is `AAAA`, `TYPE65280` stays `TYPE65280`) the way
 * BIND does.
 */
export function resolveTypeName(token: string): TypeStatus {
  const upper = token.toUpperCase();
  const code = TYPES[upper];
  if (code !== undefined) {
    if (META.has(upper)) return { kind: 'meta', name: upper };
    if (OBSOLETE.has(upper)) return { kind: 'obsolete', name: upper };
    return { kind: 'known', name: upper, code };
  }
  if (upper.startsWith('TYPE') && upper.length > 4 && upper.length <= 9) {
    const digits = upper.slice(4);
    if (/^[0-9]+$/.test(digits)) {
      const n = Number(digits);
      if (n <= 65535) {
        const name = BY_CODE.get(n);
        if (name !== undefined) return resolveTypeName(name);
        return { kind: 'known', name: `TYPE${n}`, code: n };
      }
    }
  }
  return { kind: 'unknown' };
}
