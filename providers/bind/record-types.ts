import type { RecordTypeModule } from '../../src/records/types.js';
import { standInModule } from './rdata-stand-in.js';

/**
 * The one place the BIND provider gets record-type modules from. Reading a zone file hands each
 * record's rdata tokens to the type's module (`fromTokens` + `format`, or `canonical`).
 */
export function recordModule(type: string): RecordTypeModule | undefined {
  return standInModule(type) as RecordTypeModule | undefined;
}
