import type { Change, RecordChange } from '../../src/diff/types.js';
import type { IrHandsOff } from '../../src/ir/types.js';
import type { DnsRecord } from '../../src/records/types.js';

export const ZONE = 'example.com';

/** A record in example.com from a relative label (`@` for the apex). */
export function rec(label: string, type: string, rdata: string, ttl = 300, extra: Partial<DnsRecord> = {}): DnsRecord {
  const name = label === '@' ? ZONE : `${label}.${ZONE}`;
  return { name, type, ttl, rdata, ...extra };
}

export const PURGE: IrHandsOff = { purge: true, ignores: [], disableIgnoreSafetyCheck: false };

function r(x: DnsRecord): string {
  return `${x.rdata}/${x.ttl}`;
}

/** One RecordChange as a short line: `+ 1.2.3.4/300`, `- …`, `~ old -> new`, `ttl old -> new`. */
export function showDetail(d: RecordChange): string {
  switch (d.kind) {
    case 'create':
      return `+ ${d.after.type} ${r(d.after)}`;
    case 'delete':
      return `- ${d.before.type} ${r(d.before)}`;
    case 'update':
      return `~ ${d.after.type} ${r(d.before)} -> ${r(d.after)}`;
    case 'ttl':
      return `ttl ${d.after.type} ${r(d.before)} -> ${r(d.after)}`;
  }
}

/** A change as one line, exact enough to assert the whole result of a diff. */
export function showChange(c: Change): string {
  const label = c.name === ZONE ? '@' : c.name.replace(`.${ZONE}`, '');
  return `${c.kind} ${label} ${c.type ?? '*'} [${c.before.map(r).join(' ')}] -> [${c.after.map(r).join(' ')}] {${c.details.map(showDetail).join('; ')}}`;
}
