import type { IrDomain } from '../ir/types.js';
import type { ZoneRef } from '../provider/types.js';

/** The ZoneRef providers get for a domain: its tag and Unicode name included (BIND file names use them). */
export function zoneRef(domain: IrDomain): ZoneRef {
  return {
    name: domain.name,
    meta: domain.meta,
    ...(domain.tag ? { tag: domain.tag } : {}),
    ...(domain.unicodeName !== domain.name ? { unicodeName: domain.unicodeName } : {}),
  };
}
