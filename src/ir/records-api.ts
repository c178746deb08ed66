import { comparableRdata, getRecordType } from '../records/registry.js';
import { tokenizeRdata as tokenize } from '../records/text.js';
import type { DnsRecord, RdataToken, RecordTypeModule } from '../records/types.js';

/**
 * The one place the IR reaches into the records layer, so normalisation does not care how the
 * registry is organised.
 */

/** The behaviour module of a type (`MX`, `TYPE65280`), or undefined when the type is unknown. */
export function recordModule(type: string): RecordTypeModule | undefined {
  return getRecordType(type);
}

/** Splits presentation-format rdata into tokens (throws RdataError on an unterminated quote). */
export function tokenizeRdata(text: string): RdataToken[] {
  return tokenize(text);
}

/** The identity string of a normalised record: its rdata, except for types that say otherwise (SOA ignores its serial). */
export function comparableOf(rec: DnsRecord): string {
  return getRecordType(rec.type)?.comparable ? comparableRdata(rec) : rec.rdata;
}
