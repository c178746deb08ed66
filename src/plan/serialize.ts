import type { Change, DiffMessage, RecordChange } from '../diff/types.js';
import type { SourcePos } from '../ir/source.js';
import type { DnsRecord } from '../records/types.js';
import { ZonesmithError } from '../errors.js';
import { planChecksum } from './checksum.js';
import { PLAN_VERSION, type Plan, type ZonePlan, type ZoneSafety } from './types.js';

/** A record without provider-private data; `source` is kept so saved plans still point at the config. */
function recordOut(r: DnsRecord): DnsRecord {
  return {
    name: r.name,
    type: r.type,
    ttl: r.ttl,
    rdata: r.rdata,
    ...(r.meta && Object.keys(r.meta).length > 0 ? { meta: r.meta } : {}),
    ...(r.source ? { source: r.source } : {}),
  };
}

function detailOut(d: RecordChange): RecordChange {
  switch (d.kind) {
    case 'create':
      return { kind: d.kind, after: recordOut(d.after) };
    case 'delete':
      return { kind: d.kind, before: recordOut(d.before) };
    default:
      return { kind: d.kind, before: recordOut(d.before), after: recordOut(d.after) };
  }
}

function changeOut(c: Change): Change {
  return {
    kind: c.kind,
    name: c.name,
    ...(c.type !== undefined ? { type: c.type } : {}),
    before: c.before.map(recordOut),
    after: c.after.map(recordOut),
    details: c.details.map(detailOut),
  };
}

function messageOut(m: DiffMessage): DiffMessage {
  return { kind: m.kind, code: m.code, text: m.text, ...(m.records ? { records: m.records.map(recordOut) } : {}) };
}

/** The plan as the JSON `preview --format json` prints and `push --plan` reads: `native` dropped, `source` kept. */
export function planToJson(plan: Plan): string {
  const zones = plan.zones.map((z) => ({
    domain: z.domain,
    unicodeName: z.unicodeName,
    provider: z.provider,
    providerType: z.providerType,
    granularity: z.granularity,
    exists: z.exists,
    existingCount: z.existingCount,
    counts: z.counts,
    safety: z.safety,
    checksum: z.checksum,
    ...(z.error !== undefined ? { error: z.error } : {}),
    messages: z.messages.map(messageOut),
    changes: z.changes.map(changeOut),
  }));
  return `${JSON.stringify({ version: plan.version, checksum: plan.checksum, zones }, null, 2)}\n`;
}

// ---- reading a saved plan back: every field checked, nothing trusted ----

class Reader {
  constructor(private readonly path: string) {}
  fail(what: string): never {
    throw new ZonesmithError('plan-invalid', `the saved plan is not valid: ${this.path} ${what}`);
  }
  at(key: string | number): Reader {
    return new Reader(typeof key === 'number' ? `${this.path}[${key}]` : `${this.path}.${key}`);
  }
}

function obj(v: unknown, r: Reader): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) r.fail('must be an object');
  return v as Record<string, unknown>;
}
function arr(v: unknown, r: Reader): unknown[] {
  if (!Array.isArray(v)) r.fail('must be an array');
  return v as unknown[];
}
function str(v: unknown, r: Reader): string {
  if (typeof v !== 'string') r.fail('must be a string');
  return v as string;
}
function int(v: unknown, r: Reader): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) r.fail('must be a non-negative integer');
  return v as number;
}
function bool(v: unknown, r: Reader): boolean {
  if (typeof v !== 'boolean') r.fail('must be true or false');
  return v as boolean;
}
function oneOf<T extends string>(v: unknown, allowed: readonly T[], r: Reader): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) r.fail(`must be one of ${allowed.join(', ')}`);
  return v as T;
}

function readSource(v: unknown, r: Reader): SourcePos {
  const o = obj(v, r);
  return { file: str(o.file, r.at('file')), line: int(o.line, r.at('line')), column: int(o.column, r.at('column')) };
}

function readRecord(v: unknown, r: Reader): DnsRecord {
  const o = obj(v, r);
  const rec: { -readonly [K in keyof DnsRecord]: DnsRecord[K] } = {
    name: str(o.name, r.at('name')),
    type: str(o.type, r.at('type')),
    ttl: int(o.ttl, r.at('ttl')),
    rdata: str(o.rdata, r.at('rdata')),
  };
  if (o.meta !== undefined) {
    const m = obj(o.meta, r.at('meta'));
    const meta: Record<string, string> = {};
    for (const [k, val] of Object.entries(m)) meta[k] = str(val, r.at('meta').at(k));
    rec.meta = meta;
  }
  if (o.source !== undefined) rec.source = readSource(o.source, r.at('source'));
  return rec;
}

function readDetail(v: unknown, r: Reader): RecordChange {
  const o = obj(v, r);
  const kind = oneOf(o.kind, ['create', 'delete', 'update', 'ttl'] as const, r.at('kind'));
  if (kind === 'create') return { kind, after: readRecord(o.after, r.at('after')) };
  if (kind === 'delete') return { kind, before: readRecord(o.before, r.at('before')) };
  return { kind, before: readRecord(o.before, r.at('before')), after: readRecord(o.after, r.at('after')) };
}

function readChange(v: unknown, r: Reader): Change {
  const o = obj(v, r);
  return {
    kind: oneOf(o.kind, ['create', 'update', 'delete'] as const, r.at('kind')),
    name: str(o.name, r.at('name')),
    ...(o.type !== undefined ? { type: str(o.type, r.at('type')) } : {}),
    before: arr(o.before, r.at('before')).map((x, i) => readRecord(x, r.at('before').at(i))),
    after: arr(o.after, r.at('after')).map((x, i) => readRecord(x, r.at('after').at(i))),
    details: arr(o.details, r.at('details')).map((x, i) => readDetail(x, r.at('details').at(i))),
  };
}

function readMessage(v: unknown, r: Reader): DiffMessage {
  const o = obj(v, r);
  return {
    kind: oneOf(o.kind, ['info', 'warning'] as const, r.at('kind')),
    code: str(o.code, r.at('code')),
    text: str(o.text, r.at('text')),
    ...(o.records !== undefined ? { records: arr(o.records, r.at('records')).map((x, i) => readRecord(x, r.at('records').at(i))) } : {}),
  };
}

function readSafety(v: unknown, r: Reader): ZoneSafety {
  const o = obj(v, r);
  const reasons = arr(o.reasons, r.at('reasons')).map((x, i) => str(x, r.at('reasons').at(i)));
  return { blocked: bool(o.blocked, r.at('blocked')), reasons, ...(o.forced !== undefined ? { forced: bool(o.forced, r.at('forced')) } : {}) };
}

function readZone(v: unknown, r: Reader): ZonePlan {
  const o = obj(v, r);
  const counts = obj(o.counts, r.at('counts'));
  const checksum = str(o.checksum, r.at('checksum'));
  if (!/^[0-9a-f]{64}$/.test(checksum)) r.at('checksum').fail('must be a sha256 in hex');
  return {
    domain: str(o.domain, r.at('domain')),
    unicodeName: str(o.unicodeName, r.at('unicodeName')),
    provider: str(o.provider, r.at('provider')),
    providerType: str(o.providerType, r.at('providerType')),
    granularity: oneOf(o.granularity, ['record', 'rrset', 'label', 'zone'] as const, r.at('granularity')),
    exists: bool(o.exists, r.at('exists')),
    existingCount: int(o.existingCount, r.at('existingCount')),
    counts: { create: int(counts.create, r.at('counts').at('create')), update: int(counts.update, r.at('counts').at('update')), delete: int(counts.delete, r.at('counts').at('delete')) },
    safety: readSafety(o.safety, r.at('safety')),
    checksum,
    ...(o.error !== undefined ? { error: str(o.error, r.at('error')) } : {}),
    messages: arr(o.messages, r.at('messages')).map((x, i) => readMessage(x, r.at('messages').at(i))),
    changes: arr(o.changes, r.at('changes')).map((x, i) => readChange(x, r.at('changes').at(i))),
  };
}

/**
 * Reads a saved plan (`push --plan`), checking every field's shape and that its checksum matches
 * its content. Throws ZonesmithError `plan-invalid`, `plan-version` or `plan-checksum-mismatch`.
 */
export function planFromJson(text: string): Plan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ZonesmithError('plan-invalid', `the saved plan is not JSON: ${(err as Error).message}`);
  }
  const r = new Reader('plan');
  const o = obj(raw, r);
  if (o.version !== PLAN_VERSION) {
    throw new ZonesmithError('plan-version', `the saved plan has version ${JSON.stringify(o.version)}; this zonesmith reads version ${PLAN_VERSION}`);
  }
  const checksum = str(o.checksum, r.at('checksum'));
  const zones = arr(o.zones, r.at('zones')).map((z, i) => readZone(z, r.at('zones').at(i)));
  const actual = planChecksum(zones);
  if (actual !== checksum) {
    throw new ZonesmithError('plan-checksum-mismatch', `the saved plan's checksum ${checksum} does not match its content (${actual}); it was edited or damaged`);
  }
  return { version: PLAN_VERSION, zones, checksum };
}
