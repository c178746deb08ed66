import { RdataError, type ArgsContext, type DnsRecord, type RecordTypeModule } from '../records/types.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import { flatString } from './flat-string.js';
import { normalizeLabel, plainOwnerName } from './labels.js';
import { metaToStrings } from './meta.js';
import { isIpAddress } from './names.js';
import { recordModule, tokenizeRdata } from './records-api.js';
import type { SourcePos } from './source.js';
import { DEFAULT_TTL, normalizeTtl } from './ttl.js';

/**
 * A record as it enters normalisation: a DSL call (`args`) or, for IR files, presentation-format
 * text (`rdataText`, with `label` the absolute owner name and a final dot).
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

/** Where diagnostics go, and the zone they belong to (the records layer reads `zone` from it). */
export interface RecordContext extends ArgsContext {
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

/**
 * Normalises one record; reports its problems to ctx and returns undefined when it cannot be kept.
 * This runs once per record (100,000 in a large config), so it avoids closures and spreads, and
 * keeps nothing beside the DnsRecord itself (what the zone checks rarely need they recompute).
 */
export function normalizeRecord(input: InputRecord, ctx: RecordContext): DnsRecord | undefined {
  const src = input.source;
  const diags = ctx.diagnostics;
  const mod = typeof input.type === 'string' && input.type !== '' ? recordModule(input.type) : undefined;
  if (!mod) {
    diags.push(error('unknown-record-type', `unknown record type ${JSON.stringify(input.type)}`, src, ctx.domain));
    return undefined;
  }
  // `mx` and `TYPE15` are MX: one name per type from here on.
  const type = mod.type;

  // The common label without normalizeLabel's outcome object; any other label the full way.
  const allowRepeated = input.allowRepeatedDomain === true;
  let fqdn = plainOwnerName(input.label, ctx.zone, type, allowRepeated);
  let short = input.label as string;
  if (fqdn === undefined) {
    const label = normalizeLabel(input.label, ctx.zone, type, allowRepeated);
    if (!label.ok) {
      diags.push(error(label.issue.code, label.issue.message, src, ctx.domain));
      return undefined;
    }
    if (label.warning) diags.push(warning(label.warning.code, label.warning.message, src, ctx.domain));
    fqdn = label.fqdn;
    short = label.short;
  }

  let ttl = normalizeTtl(input.ttl, 'TTL');
  if (typeof ttl !== 'number') {
    if (input.ttl !== ctx.reportedTtl) diags.push(error(ttl.code, ttl.message, src, ctx.domain));
    ttl = DEFAULT_TTL;
  }

  const data = parseData(mod, input, ctx, src);
  if (data === FAILED) return undefined;
  const rdata = flatString(mod.format(data));
  if (short === '@' ? type === 'CNAME' || type === 'NS' : type === 'SOA' || type === 'CNAME' || TARGET_ARG[type] !== undefined) {
    if (!placementOk(type, short, fqdn, mod.target(data), ctx, src)) return undefined;
  }

  const meta = metaToStrings(input.meta);
  return meta === undefined
    ? src === undefined ? { name: fqdn, type, ttl, rdata } : { name: fqdn, type, ttl, rdata, source: src }
    : src === undefined ? { name: fqdn, type, ttl, rdata, meta } : { name: fqdn, type, ttl, rdata, meta, source: src };
}

/** Where a type may stand and what it may point at: the apex rules, CNAME loops, IP addresses as names. */
function placementOk(type: string, short: string, fqdn: string, target: string, ctx: RecordContext, src: SourcePos | undefined): boolean {
  const diags = ctx.diagnostics;
  let ok = true;
  if (short === '@' && type === 'CNAME') {
    diags.push(error('cname-at-apex', `CNAME is not allowed at the apex of ${ctx.zone} (the apex holds SOA and NS); use ALIAS if the provider has it`, src, ctx.domain));
    ok = false;
  }
  if (short === '@' && type === 'NS') {
    diags.push(error('ns-at-apex', `NS records at the apex of ${ctx.zone} come from the DNS providers and NAMESERVER(); use NAMESERVER("${target}")`, src, ctx.domain));
    ok = false;
  }
  if (short !== '@' && type === 'SOA') {
    diags.push(error('soa-not-at-apex', `SOA is only allowed at the apex ("@"), not at ${fqdn}`, src, ctx.domain));
    ok = false;
  }
  if (type === 'CNAME' && target.length === fqdn.length + 1 && target.endsWith('.') && target.startsWith(fqdn)) {
    diags.push(error('cname-loop', `CNAME ${fqdn} points at itself`, src, ctx.domain));
    ok = false;
  }
  if (TARGET_ARG[type] !== undefined && isIpAddress(target)) {
    diags.push(error('target-is-ip', `${type} target must be a host name, not the IP address ${target}`, src, ctx.domain));
    ok = false;
  }
  return ok;
}

const FAILED = Symbol('failed');

/** The record's data from DSL arguments or IR text, with the type's checks; FAILED after reporting why. */
function parseData(mod: RecordTypeModule, input: InputRecord, ctx: RecordContext, src: SourcePos | undefined): unknown {
  try {
    let data: unknown;
    if (input.rdataText !== undefined) {
      data = mod.fromTokens(tokenizeRdata(input.rdataText), `${ctx.zone}.`);
    } else {
      const args = Array.isArray(input.args) ? input.args : [];
      if (!targetArgOk(mod.type, args, ctx, src)) return FAILED;
      // The record context is an ArgsContext already: no object per record for it.
      data = mod.fromArgs(args, ctx);
    }
    const issues = mod.check(data);
    if (issues.length === 0) return data;
    let ok = true;
    for (const issue of issues) {
      const make = issue.severity === 'error' ? error : warning;
      ctx.diagnostics.push(make(issue.code, issue.message, src, ctx.domain));
      if (issue.severity === 'error') ok = false;
    }
    return ok ? data : FAILED;
  } catch (err) {
    if (err instanceof RdataError) {
      ctx.diagnostics.push(error(err.code, err.message, src, ctx.domain));
      return FAILED;
    }
    // A record module that throws anything else has a bug; the user still gets a located message.
    ctx.diagnostics.push(error('invalid-rdata', `${mod.type} data could not be read: ${(err as Error).message}`, src, ctx.domain));
    return FAILED;
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
