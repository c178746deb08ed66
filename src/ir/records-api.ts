import { getRecordType } from '../records/registry.js';
import { tokenizeRdata as tokenize } from '../records/text.js';
import type { RdataToken, RecordTypeModule } from '../records/types.js';

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
