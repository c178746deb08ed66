import type { SourcePos } from '../ir/source.js';

/** The record types the DSL can write and every layer understands. */
export const RECORD_TYPES = [
  'A', 'AAAA', 'ALIAS', 'CAA', 'CNAME', 'DHCID', 'DNAME', 'DNSKEY', 'DS', 'HTTPS', 'LOC', 'MX',
  'NAPTR', 'NS', 'OPENPGPKEY', 'PTR', 'RP', 'SMIMEA', 'SOA', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT',
] as const;

/** A record type name of the DSL; provider-specific pseudo types (R53_ALIAS) and RFC 3597 `TYPEnnn` are also strings. */
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * One DNS record as every layer sees it: frozen, plain data.
 *
 * `rdata` is the canonical presentation format and is the record's identity (principle 4 of
 * STYLE.md): names absolute, lower-cased and ending in a dot; case-sensitive data (TXT, CAA values)
 * untouched; TXT one logical quoted string however long. Normalise once, where data enters
 * (DSL arguments, zone files, provider APIs); never "fix" it later. TTL is compared separately so a
 * TTL-only change shows as one.
 */
export interface DnsRecord {
  /** Owner name: fully qualified, lower-case, punycode, no trailing dot (`www.example.com`). */
  readonly name: string;
  /** Upper-case type name (`MX`), a pseudo type (`ALIAS`, `R53_ALIAS`) or `TYPE65280`. */
  readonly type: string;
  /** Seconds. */
  readonly ttl: number;
  /** Canonical presentation-format rdata (`10 mail.example.com.`). */
  readonly rdata: string;
  /** Per-record metadata (`cloudflare_proxy: "on"`); only keys a provider declares are compared. */
  readonly meta?: Readonly<Record<string, string>>;
  /** Where the record was written in the config; absent for records read from a provider. */
  readonly source?: SourcePos;
  /** Provider-private data (a Cloudflare record id); never compared, never rendered, never serialised. */
  readonly native?: unknown;
}

/** A token of presentation-format text: quoted strings keep their quotes' meaning. */
export interface RdataToken {
  /** The token's value with escapes still in place (`a\"b`); decode with `decodeText`. */
  readonly text: string;
  readonly quoted: boolean;
}

/** Raised by record modules for malformed data; `code` becomes a diagnostic code. */
export class RdataError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RdataError';
    this.code = code;
  }
}

/** A problem with otherwise well-formed data (a range, a reserved value). */
export interface RdataIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What `check` returns when data has no issue: one frozen array, not one per record. */
export const NO_ISSUES: readonly RdataIssue[] = Object.freeze([]);

/** Sequential reader over a DNS message, able to follow name-compression pointers. */
export interface WireReader {
  /** The whole message, so compression pointers can be followed. */
  readonly buf: Uint8Array;
  /** Current offset; advanced by every read. */
  offset: number;
  u8(): number;
  u16(): number;
  u32(): number;
  bytes(n: number): Uint8Array;
  /** A domain name, absolute with a trailing dot, case preserved. */
  name(): string;
}

/** Appends wire-format data; names are written uncompressed (safe for TSIG and for every server). */
export interface WireWriter {
  u8(v: number): void;
  u16(v: number): void;
  u32(v: number): void;
  bytes(b: Uint8Array): void;
  /** Writes an absolute name (trailing dot optional) in uncompressed wire form. */
  name(fqdn: string): void;
}

/** Context for interpreting DSL arguments. */
export interface ArgsContext {
  /** The zone's ASCII name without trailing dot; relative targets are made absolute under it. */
  readonly zone: string;
}

/**
 * Everything one record type knows about itself. Adding a type is one module plus one registry line.
 * `D` is the type's parsed data (`{ preference: number; exchange: string }` for MX).
 */
export interface RecordTypeModule<D = unknown> {
  readonly type: string;
  /** IANA type number; undefined for pseudo types that never reach the wire (ALIAS). */
  readonly code: number | undefined;
  /** DSL arguments after the label (`MX("@", 10, "mail")` → `[10, "mail"]`) to data. Throws RdataError. */
  fromArgs(args: readonly unknown[], ctx: ArgsContext): D;
  /** Presentation-format tokens to data; relative names are made absolute under `origin`. Throws RdataError. */
  fromTokens(tokens: readonly RdataToken[], origin: string): D;
  /** Canonical presentation format: the record's identity. */
  format(data: D): string;
  /** Range and consistency checks on parsed data ({@link NO_ISSUES} when there are none, shared). */
  check(data: D): readonly RdataIssue[];
  /** The value IGNORE's target glob and the text renderer show as "the target" (the name for CNAME, the text for TXT). */
  target(data: D): string;
  /** Names this record points at (CNAME, MX, NS, SRV, DNAME, ALIAS targets), absolute with a dot; used for ordering. */
  dependsOn(data: D): string[];
  /** RDATA in wire format. */
  toWire(data: D, w: WireWriter): void;
  /** Reads RDATA that ends at `end`. */
  fromWire(r: WireReader, end: number): D;
  /** The string compared for identity when it must differ from `format` (SOA ignores its serial). */
  comparable?(data: D): string;
  /** Zone-file text when it differs from `format` (TXT split into 255-byte strings). */
  toZoneFile?(data: D): string;
  /**
   * Optional fast path for hot types: tokens straight to the canonical text, the same string as
   * `format(fromTokens(tokens, origin))` but without building the data object.
   */
  canonical?(tokens: readonly RdataToken[], origin: string): string;
}
