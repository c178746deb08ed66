import type { Pos } from './pos.js';
import type { RawIgnore, RawProvider } from './raw-types.js';

/** A NewRegistrar()/NewDnsProvider() declaration; collect.ts turns it into a RawProvider. */
export type ProviderDraft = Omit<RawProvider, 'pos' | 'site' | 'source'> & { readonly pos: Pos | undefined };

/** A record while its builder and modifiers run; collect.ts turns it into a RawRecord. */
export interface RecordDraft {
  readonly type: string;
  label: string;
  args: unknown[];
  ttl: number | undefined;
  meta: Record<string, unknown>;
  absent: boolean;
  allowRepeatedDomain: boolean;
  /** CAA flag byte, OR-ed by CAA_CRITICAL. */
  caaFlag: number;
  readonly pos: Pos | undefined;
}

/** A domain while D() and D_EXTEND() modifiers run. */
export interface DomainDraft {
  readonly name: string;
  readonly registrar: string;
  readonly pos: Pos | undefined;
  /** Lower-case name without split-horizon tag or trailing dot: what labels are relative to. */
  readonly zone: string;
  /** Split-horizon tag ('' when none); D_EXTEND matches only domains with the same tag. */
  readonly tag: string;
  /** Insertion-ordered like DNSControl's map: a second DnsProvider(name) replaces the count. */
  readonly dnsProviders: Map<string, { nsCount: number; pos: Pos | undefined }>;
  readonly records: RecordDraft[];
  readonly absent: RecordDraft[];
  readonly nameservers: { name: string; pos: Pos | undefined }[];
  nameserverTtl: number | undefined;
  defaultTtl: number | undefined;
  noPurge: boolean;
  readonly ignores: (Omit<RawIgnore, 'pos' | 'site' | 'source'> & { readonly pos: Pos | undefined })[];
  ignoreExternalDns: { prefix: string } | undefined;
  disableIgnoreSafetyCheck: boolean;
  autoDnssec: 'on' | 'off' | undefined;
  readonly meta: Record<string, unknown>;
  safety: { maxUpdateFraction?: number; maxDeleteFraction?: number; minExisting?: number } | undefined;
}

/** Where a domain modifier is being applied. */
export interface DomainCtx {
  readonly d: DomainDraft;
  /** The D_EXTEND subdomain as written ('' outside D_EXTEND or when extending the apex). */
  readonly sub: string;
  /** For messages: `D("example.com")`, `D_EXTEND("www.example.com")`, `DEFAULTS()`. */
  readonly where: string;
}
