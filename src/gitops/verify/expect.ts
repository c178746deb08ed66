import type { ZonePushResult } from '../../plan/types.js';
import type { ZoneWork } from '../../reconcile/gather.js';
import { typeCode } from '../../records/registry.js';
import type { DnsRecord } from '../../records/types.js';
import type { AnswerRecord } from './wire.js';

/** One rrset a server must now serve exactly (an empty `records`: it must serve none). */
export interface RrsetExpectation {
  /** Owner, lower-case, no trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly typeCode: number;
  readonly records: readonly { readonly ttl: number; readonly rdata: string }[];
}

function isWildcardCover(wild: string, name: string): boolean {
  if (!wild.startsWith('*.')) return false;
  const parent = wild.slice(2);
  return name.endsWith(`.${parent}`) && name !== wild;
}

/**
 * The rrsets a push touched, with what each must hold now: every name + type of an applied change,
 * expected as the zone's full desired state has it. Types with no wire form (ALIAS, R53_ALIAS) and
 * deletions a wildcard would answer for are listed in `skipped` instead.
 */
export function expectations(work: ZoneWork, result: ZonePushResult): { checks: RrsetExpectation[]; skipped: string[] } {
  const desired = work.diff?.desiredPlus ?? [];
  const keys = new Map<string, { name: string; type: string }>();
  for (const d of result.applied) {
    for (const r of [d.kind === 'create' ? undefined : d.before, d.kind === 'delete' ? undefined : d.after]) {
      if (r) keys.set(`${r.name}\0${r.type}`, { name: r.name, type: r.type });
    }
  }
  const checks: RrsetExpectation[] = [];
  const skipped: string[] = [];
  for (const { name, type } of keys.values()) {
    const code = typeCode(type);
    if (code === undefined || type === 'ALIAS' || type === 'R53_ALIAS' || type === 'SOA') {
      skipped.push(`${name} ${type}: not a type a server can be asked for`);
      continue;
    }
    const records = desired.filter((r) => r.name === name && r.type === type).map((r: DnsRecord) => ({ ttl: r.ttl, rdata: r.rdata }));
    if (records.length === 0 && desired.some((r) => r.type === type && isWildcardCover(r.name, name))) {
      skipped.push(`${name} ${type}: deleted, but a wildcard answers for the name`);
      continue;
    }
    checks.push({ name, type, typeCode: code, records });
  }
  return { checks, skipped };
}

function show(recs: readonly { ttl: number; rdata: string }[]): string {
  return recs.length === 0 ? 'nothing' : recs.map((r) => `${r.rdata} ttl=${r.ttl}`).join(', ');
}

/**
 * Whether an answer holds exactly the expected rrset (rdata and TTL; duplicates count once); when
 * not, a sentence saying what the server serves instead.
 */
export function compareAnswer(exp: RrsetExpectation, answers: readonly AnswerRecord[]): { ok: true } | { ok: false; why: string } {
  const got = answers.filter((a) => a.name === exp.name && a.type === exp.type);
  const want = new Set(exp.records.map((r) => `${r.ttl} ${r.rdata}`));
  const have = new Set(got.map((r) => `${r.ttl} ${r.rdata}`));
  if (want.size === have.size && [...want].every((w) => have.has(w))) return { ok: true };
  return { ok: false, why: `${exp.name} ${exp.type}: serves ${show(got)}; expected ${show(exp.records)}` };
}
