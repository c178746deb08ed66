import { getRecordType } from '../../src/records/registry.js';
import type { RecordTypeModule } from '../../src/records/types.js';

/**
 * The one place the BIND provider gets record-type modules from (src/records/registry.ts).
 * Reading a zone file hands each record's rdata tokens to the type's module (`canonical`, or
 * `fromTokens` + `format`); writing asks it for zone-file text (`toZoneFile`, TXT split into
 * 255-octet strings).
 */
export function recordModule(type: string): RecordTypeModule | undefined {
  return getRecordType(type);
}
