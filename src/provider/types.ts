import type { Change, Granularity } from '../diff/types.js';
import type { DnsRecord, RdataIssue } from '../records/types.js';

/** Whether a provider supports something, with the reason shown in docs and errors. */
export interface Support {
  readonly can: boolean;
  readonly note?: string;
}

/** Declares support; capabilities are data (STYLE.md principle 2). */
export function can(note?: string): Support {
  return note === undefined ? { can: true } : { can: true, note };
}

/** Declares lack of support; anything not declared is also "cannot". */
export function cannot(note?: string): Support {
  return note === undefined ? { can: false } : { can: false, note };
}

/** Provider features beyond record types. */
export type Feature =
  /** listZones() works: `get-zones all` and zone auto-creation can use it. */
  | 'getZones'
  /** ensureZone() can create a missing zone. */
  | 'createZones'
  /** Safe to read several zones at once. */
  | 'concurrency'
  /** Apex NS records can be managed (two providers can serve one zone). */
  | 'dualHost'
  /** DS records below the apex only. */
  | 'dsForChildren';

/** What a provider can hold and do; consulted by validation, docs and the conformance tests. */
export interface Capabilities {
  /** Per record type (`CAA`, `R53_ALIAS`); absent means cannot. */
  readonly records: Readonly<Partial<Record<string, Support>>>;
  readonly features: Readonly<Partial<Record<Feature, Support>>>;
}

/** The zone a provider call is about. */
export interface ZoneRef {
  /** ASCII zone name without trailing dot. */
  readonly name: string;
  /** Domain metadata from the config (provider settings such as `R53_ZONE`). */
  readonly meta: Readonly<Record<string, string>>;
  /** Split-horizon tag from `D("example.com!inside")`; absent or '' when none (BIND file names use it). */
  readonly tag?: string;
  /** The name in Unicode, for display and for file names (`%u`); absent means the same as `name`. */
  readonly unicodeName?: string;
}

/** Hooks a provider calls while applying, so the engine can report exactly what was applied. */
export interface ApplyContext {
  /** The full state the zone should hold afterwards (see ZoneDiff.desiredPlus). */
  readonly desired: readonly DnsRecord[];
  /** The records getRecords returned for this zone, in this run. */
  readonly existing: readonly DnsRecord[];
  /** Call after each batch is committed by the provider, with the changes it contained. */
  readonly applied: (changes: readonly Change[]) => void;
  /** A progress or information line (no secrets). */
  readonly log: (line: string) => void;
}

/** A configured, ready-to-use provider for one creds.json entry. */
export interface ProviderInstance {
  /** Zones the account holds (ASCII, no trailing dot). */
  listZones?(): Promise<string[]>;
  /** Creates the zone when missing; returns true when it created one. */
  ensureZone?(zone: ZoneRef): Promise<boolean>;
  /** Every record the provider serves in the zone, normalised to canonical form; null when the zone does not exist. */
  getRecords(zone: ZoneRef): Promise<DnsRecord[] | null>;
  /**
   * Applies changes (already in dependency order) in as few API calls as the API allows. Throws a
   * ZonesmithError on failure after calling ctx.applied for every batch that did commit.
   */
  apply(zone: ZoneRef, changes: readonly Change[], ctx: ApplyContext): Promise<void>;
  /** The nameservers this provider serves the zone from, absolute with a trailing dot. */
  nameservers?(zone: ZoneRef): Promise<string[]>;
  /**
   * Rewrites desired records into the form this provider stores them (defaults filled, values
   * normalised as its API returns them), so a converged zone diffs empty.
   */
  prepareDesired?(records: readonly DnsRecord[], zone: ZoneRef): DnsRecord[];
  /** Provider-specific objections to desired records (beyond capabilities). */
  audit?(records: readonly DnsRecord[], zone: ZoneRef): { record: DnsRecord; issue: RdataIssue }[];
  /** Releases connections and servers. */
  close?(): Promise<void>;
}

/** Services the engine gives a provider instance. */
export interface ProviderEnv {
  /** A progress or information line (no secrets). */
  readonly log: (line: string) => void;
  /** Directory of the config file; relative paths in settings resolve against it. */
  readonly configDir: string;
}

/** One provider type: its identity, what it can do, and how to build an instance from creds.json. */
export interface ProviderDefinition<Settings = unknown> {
  /** The TYPE in creds.json (`BIND`, `RFC2136`). */
  readonly type: string;
  /** Other accepted TYPE names (DNSControl's `AXFRDDNS`). */
  readonly aliases?: readonly string[];
  readonly capabilities: Capabilities;
  readonly granularity: Granularity;
  /** Meta keys that are part of a record's identity for this provider (`cloudflare_proxy`). */
  readonly comparedMeta?: readonly string[];
  /** At most this many zones in flight at once for one instance (default: the --concurrency value). */
  readonly maxConcurrency?: number;
  /**
   * Checks and converts a creds.json entry (`$VAR` values already substituted) plus the
   * `NewDnsProvider` metadata. Throws ZonesmithError naming the bad key, never echoing its value.
   */
  parseSettings(creds: Readonly<Record<string, string>>, meta: Readonly<Record<string, unknown>>): Settings;
  create(settings: Settings, env: ProviderEnv): ProviderInstance;
}

/**
 * A registry entry: what validation and documentation need, without loading the provider's code
 * and SDK (the cloud SDKs cost most of a second to import); `load()` brings the full definition
 * when a run actually uses the provider.
 */
export interface ProviderEntry {
  readonly type: string;
  readonly aliases?: readonly string[];
  readonly capabilities: Capabilities;
  load(): Promise<ProviderDefinition>;
}
