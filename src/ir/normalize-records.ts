import { RdataError, type DnsRecord, type RecordTypeModule } from '../records/types.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import { normalizeLabel } from './labels.js';
import { isEmpty, metaToStrings } from './meta.js';
import { isIpAddress } from './names.js';
import { recordModule, tokenizeRdata } from './records-api.js';
import type { SourcePos } from './source.js';
import { normalizeTtl } from './ttl.js';

/**
 * A record as it enters normalisation: a DSL call (`args`) or, for IR files, canonical text
 * (`rdataText`, with `label` the absolute owner name and a final dot).
 */
export interface InputRecord {
  readonly type: unknown;
  readonly label: unknown;
  readonly args?: readonly unknown[];
  readonly rdataText?: string;
  readonly ttl?: unknown;
  readonly meta?: unknown;
  readonly allowRepeatedDomain?: boolean;
  readonly source?: SourcePos;
}

/** A normalised record with what the zone checks need beside it. */
export interface NormalizedRecord {
  readonly record: DnsRecord;
  /** Label relative to the zone, `@` for the apex. */
  readonly short: string;
  /** What IGNORE's target glob matches (see RecordTypeModule.target). */
  readonly target: string;
  /** The identity string: equal for duplicates. */
  readonly comparable: string;
}

/** Where diagnostics go, and the zone they belong to. */
export interface RecordContext {
  /** ASCII zone name, no trailing dot. */
  readonly zone: string;
  /** The domain's unique name, put on every diagnostic. */
  readonly domain: string;
  readonly diagnostics: Diagnostic[];
  /** A TTL value already reported at the domain (an invalid DefaultTTL); not reported again per record. */
  readonly reportedTtl?: unknown;
}

// Which DSL argument is the target name, for the IP-address-as-name check (DNSControl's
// checkTargets; its "a dot inside means it must end with one" rule lives in the records layer).
const TARGET_ARG: Readonly<Record<string, number>> = { CNAME: 0, ALIAS: 0, DNAME: 0, NS: 0, PTR: 0, MX: 1, SRV: 3 };

/** Normalises one record; reports its problems to ctx and returns undefined when it cannot be kept. */
export function normalizeRecord(input: InputRecord, ctx: RecordContext): NormalizedRecord | undefined {
  const src = input.source;
  const report = (d: Diagnostic): void => void ctx.diagnostics.push(d);
  let type = typeof input.type === 'string' ? input.type.toUpperCase() : '';
  const mod = type ? recordModule(type) : undefined;
  if (!mod) {
    report(error('unknown-record-type', `unknown record type ${JSON.stringify(input.type)}`, src, ctx.domain));
    return undefined;
  }
  // `TYPE15` is MX: one name per type from here on.
  type = mod.type;

  const label = normalizeLabel(input.label, ctx.zone, type, input.allowRepeatedDomain === true);
  if (!label.ok) {
    report(error(label.issue.code, label.issue.message, src, ctx.domain));
    return undefined;
  }
  if (label.warning) report(warning(label.warning.code, label.warning.message, src, ctx.domain));

  let ttl = normalizeTtl(input.ttl, 'TTL');
  if (typeof ttl !== 'number') {
    if (input.ttl !== ctx.reportedTtl) report(error(ttl.code, ttl.message, src, ctx.domain));
    ttl = 300;
  }

  const parsed = parseRdata(mod, type, input, ctx, src);
  if (!parsed) return undefined;
  const { rdata, target, comparable } = parsed;

  const fqdn = label.fqdn;
  let ok = true;
  if (label.short === '@' && type === 'CNAME') {
    report(error('cname-at-apex', `CNAME is not allowed at the apex of ${ctx.zone} (the apex holds SOA and NS); use ALIAS if the provider has it`, src, ctx.domain));
    ok = false;
  }
  if (label.short === '@' && type === 'NS') {
    report(error('ns-at-apex', `NS records at the apex of ${ctx.zone} come from the DNS providers and NAMESERVER(); use NAMESERVER("${target}")`, src, ctx.domain));
    ok = false;
  }
  if (label.short !== '@' && type === 'SOA') {
    report(error('soa-not-at-apex', `SOA is only allowed at the apex ("@"), not at ${fqdn}`, src, ctx.domain));
    ok = false;
  }
  if (type === 'CNAME' && target === `${fqdn}.`) {
    report(error('cname-loop', `CNAME ${fqdn} points at itself`, src, ctx.domain));
    ok = false;
  }
  if (TARGET_ARG[type] !== undefined && isIpAddress(target)) {
    report(error('target-is-ip', `${type} target must be a host name, not the IP address ${target}`, src, ctx.domain));
    ok = false;
  }
  if (!ok) return undefined;

  const meta = metaToStrings(input.meta);
  const record: DnsRecord = {
    name: fqdn,
    type,
    ttl,
    rdata,
    ...(isEmpty(meta) ? {} : { meta }),
    ...(src ? { source: src } : {}),
  };
  return { record, short: label.short, target, comparable };
}

function parseRdata(
  mod: RecordTypeModule,
  type: string,
  input: InputRecord,
  ctx: RecordContext,
  src: SourcePos | undefined,
): { rdata: string; target: string; comparable: string } | undefined {
  try {
    let data: unknown;
    if (input.rdataText !== undefined) {
      data = mod.fromTokens(tokenizeRdata(input.rdataText), `${ctx.zone}.`);
    } else {
      const args = Array.isArray(input.args) ? input.args : [];
      if (!targetArgOk(type, args, ctx, src)) return undefined;
      data = mod.fromArgs(args, { zone: ctx.zone });
    }
    let ok = true;
    for (const issue of mod.check(data)) {
      const make = issue.severity === 'error' ? error : warning;
      ctx.diagnostics.push(make(issue.code, issue.message, src, ctx.domain));
      if (issue.severity === 'error') ok = false;
    }
    if (!ok) return undefined;
    const rdata = mod.format(data);
    return { rdata, target: mod.target(data), comparable: mod.comparable ? mod.comparable(data) : rdata };
  } catch (err) {
    if (err instanceof RdataError) {
      ctx.diagnostics.push(error(err.code, err.message, src, ctx.domain));
      return undefined;
    }
    // A record module that throws anything else has a bug; the user still gets a located message.
    ctx.diagnostics.push(error('invalid-rdata', `${type} data could not be read: ${(err as Error).message}`, src, ctx.domain));
    return undefined;
  }
}

/**
 * An IP address written where a host name belongs gets its own message; the records layer would
 * otherwise report it as a relative name missing its final dot.
 */
function targetArgOk(type: string, args: readonly unknown[], ctx: RecordContext, src: SourcePos | undefined): boolean {
  const index = TARGET_ARG[type];
  if (index === undefined) return true;
  const target = args[index];
  if (typeof target !== 'string') return true;
  if (isIpAddress(target)) {
    ctx.diagnostics.push(error('target-is-ip', `${type} target must be a host name, not the IP address ${target}`, src, ctx.domain));
    return false;
  }
  return true;
}
