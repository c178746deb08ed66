/**
 * Rules across records at one name that the local Cloudflare server enforces after every write
 * (and after every operation inside a batch, which runs its operations one after another):
 *  - no two identical records (same name, type, content and priority): "An identical record already
 *    exists." (81058);
 *  - "A/AAAA records cannot exist on the same name as CNAME records" (SDK 7.3.0, records.create
 *    notes); a plain CNAME stands alone at its name, while a proxied, flattened or apex CNAME (which
 *    Cloudflare answers with addresses) may share it with types other than A/AAAA/CNAME, as DNSControl
 *    and Domain Connect's linter (DCTL5007) describe Cloudflare;
 *  - "NS records cannot exist on the same name as any other record type" (SDK notes), except the DS
 *    records of that delegation;
 *  - a DS needs the NS records of its delegation at the same name, and none is accepted at the apex.
 */
import { ApiError, CODES } from './errors.js';
import type { StoredRecord } from './record.js';

/** The records of one zone, indexed by name. */
export interface NameIndex {
  at(name: string): readonly StoredRecord[];
}

function conflict(code: number, message: string): ApiError {
  return new ApiError(400, [{ code, message }]);
}

/** Value identity: what makes two records of one name and type "identical". */
export function valueKey(r: StoredRecord): string {
  return `${r.type}\u0000${r.content}\u0000${r.priority ?? ''}`;
}

/** Throws the first rule `name` breaks, given that `subject` (if any) was just written there. */
export function checkName(index: NameIndex, name: string, zoneName: string, subject?: StoredRecord): void {
  const recs = index.at(name);
  if (subject) {
    const key = valueKey(subject);
    if (recs.some((r) => r.id !== subject.id && valueKey(r) === key)) throw conflict(CODES.identical, 'An identical record already exists.');
  }
  const cnames = recs.filter((r) => r.type === 'CNAME');
  if (cnames.length > 1) throw conflict(CODES.hostConflict, 'An A, AAAA, or CNAME record with that host already exists.');
  for (const c of cnames) {
    const relaxed = c.proxied || c.flattenCname || name === zoneName;
    const others = recs.filter((r) => r.id !== c.id);
    if (others.some((r) => r.type === 'A' || r.type === 'AAAA')) throw conflict(CODES.hostConflict, 'An A, AAAA, or CNAME record with that host already exists.');
    if (!relaxed && others.length > 0) throw conflict(CODES.hostConflict, `A CNAME record with that host already exists; it cannot share the name with ${others[0]!.type} records.`);
  }
  if (name !== zoneName && recs.some((r) => r.type === 'NS') && recs.some((r) => r.type !== 'NS' && r.type !== 'DS')) {
    throw conflict(CODES.nsConflict, 'DNS Validation Error: NS records cannot exist on the same name as any other record type.');
  }
  if (recs.some((r) => r.type === 'DS')) {
    if (name === zoneName) throw conflict(CODES.dsNeedsNs, 'DNS Validation Error: DS records are not allowed at the zone apex.');
    if (!recs.some((r) => r.type === 'NS')) throw conflict(CODES.dsNeedsNs, 'DNS Validation Error: DS records need NS records at the same name.');
  }
}
