import type { RdataToken, RecordTypeModule } from '../records/types.js';
import { standInModule, standInTokenize } from './records-stand-in.js';

/**
 * The one place the IR reaches into the records layer, so normalisation does not care how the
 * registry is organised. Until src/records/registry.ts lands this uses a local stand-in.
 */

/** The behaviour module of a record type, or undefined when the type is unknown. */
export function recordModule(type: string): RecordTypeModule | undefined {
  return standInModule(type);
}

/** Splits presentation-format rdata into tokens (throws RdataError on an unterminated quote). */
export function tokenizeRdata(text: string): RdataToken[] {
  return standInTokenize(text);
}
