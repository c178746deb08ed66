import type { DnsRecord } from '../records/types.js';

/** How a provider's API groups changes; the diff engine produces changes at this granularity. */
export type Granularity = 'record' | 'rrset' | 'label' | 'zone';

/** One record-level difference: the unit that counts ("3 corrections") and that renderers print. */
export type RecordChange =
  | { readonly kind: 'create'; readonly after: DnsRecord }
  | { readonly kind: 'delete'; readonly before: DnsRecord }
  /** Same rdata, different TTL: shown as MODIFY-TTL. */
  | { readonly kind: 'ttl'; readonly before: DnsRecord; readonly after: DnsRecord }
  | { readonly kind: 'update'; readonly before: DnsRecord; readonly after: DnsRecord };

/**
 * One instruction at the provider's granularity. For `record` granularity it holds exactly one
 * RecordChange; for `rrset` all changes of one name+type; for `label` all of one name; for `zone`
 * one Change per rrset is still produced (renderers need the detail) and the provider rewrites the
 * whole zone from `ApplyContext.desired`.
 */
export interface Change {
  /** create: nothing existed at the key; delete: nothing is desired there; update: both. */
  readonly kind: 'create' | 'update' | 'delete';
  /** Owner name (FQDN, no trailing dot). */
  readonly name: string;
  /** Record type; undefined for label granularity. */
  readonly type?: string;
  /** Every existing record at the key (the exact set to delete or replace), sorted canonically. */
  readonly before: readonly DnsRecord[];
  /** Every desired record at the key after the change, sorted canonically. */
  readonly after: readonly DnsRecord[];
  /** The record-level differences this change makes, in display order. */
  readonly details: readonly RecordChange[];
}

/** A line the diff reports without changing anything (records kept because of NO_PURGE or IGNORE). */
export interface DiffMessage {
  readonly kind: 'info' | 'warning';
  readonly code: string;
  readonly text: string;
  /** Records the message is about, e.g. those IGNORE kept. */
  readonly records?: readonly DnsRecord[];
}

/** What diffing one zone for one provider produced. */
export interface ZoneDiff {
  /** In dependency order: safe to apply first to last. */
  readonly changes: readonly Change[];
  readonly messages: readonly DiffMessage[];
  /**
   * The complete state the zone should hold afterwards: desired records plus those kept by
   * IGNORE / NO_PURGE / external-dns rules. Whole-zone providers write exactly this.
   */
  readonly desiredPlus: readonly DnsRecord[];
  /** Record-level counts, independent of how many API calls the provider needs. */
  readonly counts: { readonly create: number; readonly update: number; readonly delete: number };
}
