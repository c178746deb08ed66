import { RdataError, type RdataToken, type RecordTypeModule } from '../../src/records/types.js';
import { recordModule } from './record-types.js';
import { resolveTypeName } from './rr-types.js';
import type { ZoneLexer } from './zonefile-lexer.js';
import { canonicalName, isInZone, NameError } from './zonefile-names.js';
import type { FileContext, ZoneReader } from './zonefile-reader.js';
import { MAX_TTL, parseTtl } from './zonefile-ttl.js';
import { opaqueRdata } from './zonefile-opaque.js';

/** What the reader does with one type token. */
type TypeInfo =
  | { readonly kind: 'module'; readonly name: string; readonly module: RecordTypeModule }
  | { readonly kind: 'opaque'; readonly name: string; readonly generic: boolean }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

const CLASSES = new Set(['IN', 'CH', 'CS', 'HS', 'NONE', 'ANY']);

/**
 * Turns one resource-record entry into a canonical record: owner, optional TTL and class in
 * either order, type, then the rdata tokens handed to the type's record module.
 */
export class RecordParser {
  private readonly types = new Map<string, TypeInfo>();
  private warned1035 = false;
  private lastOwnerText = '';
  private lastOwnerOrigin: string | null = null;
  private lastOwner = '';

  constructor(private readonly reader: ZoneReader) {}

  /** Parses the lexer's current entry; `at` >= 0 pins every diagnostic to that offset ($GENERATE). */
  parse(ctx: FileContext, lx: ZoneLexer, at: number): void {
    const r = this.reader;
    const where = (i: number): number => (at >= 0 ? at : lx.offset(Math.min(i, lx.count - 1)));
    let i = 0;
    let owner: string;
    if (lx.ownerOmitted) {
      if (ctx.owner === null) return r.report(ctx, where(0), 'error', 'zonefile-no-owner', 'the first record has no owner name (the line starts with a blank)');
      owner = ctx.owner;
    } else {
      const text = lx.text(0);
      if (text === this.lastOwnerText && ctx.origin === this.lastOwnerOrigin) owner = this.lastOwner;
      else {
        try {
          owner = canonicalName(text, ctx.origin);
        } catch (e) {
          if (e instanceof NameError) return r.report(ctx, where(0), 'error', e.code, e.message);
          throw e;
        }
        this.lastOwnerText = text;
        this.lastOwnerOrigin = ctx.origin;
        this.lastOwner = owner;
      }
      ctx.owner = owner;
      i = 1;
    }
    let ttl = -1;
    let classSeen = false;
    for (let k = 0; k < 2 && i < lx.count && !lx.quoted(i); k++) {
      const c0 = lx.byteAt(i, 0);
      if (ttl < 0 && c0 >= 0x30 && c0 <= 0x39) {
        const text = lx.text(i);
        const t = parseTtl(text);
        if (t === undefined) return r.report(ctx, where(i), 'error', 'zonefile-bad-ttl', `'${text}' is not a TTL (seconds, or units such as 1h30m, at most 4294967295)`);
        ttl = t;
        if (ttl > MAX_TTL) {
          r.report(ctx, where(i), 'warning', 'zonefile-ttl-too-large', `TTL ${ttl} is above 2147483647; BIND uses 0`);
          ttl = 0;
        }
        i++;
        continue;
      }
      if (!classSeen && lx.length(i) <= 8) {
        const cls = lx.text(i).toUpperCase();
        if (CLASSES.has(cls) || /^CLASS[0-9]+$/.test(cls)) {
          if (cls !== 'IN' && cls !== 'CLASS1') return r.report(ctx, where(i), 'error', 'zonefile-bad-class', `class '${cls}' is not the zone's class IN`);
          classSeen = true;
          i++;
          continue;
        }
      }
      break;
    }
    if (i >= lx.count) return r.report(ctx, where(i), 'error', 'zonefile-missing-type', 'the record has no type');
    const info = this.typeInfo(lx.text(i));
    if (info.kind === 'error') return r.report(ctx, where(i), 'error', info.code, info.message);
    const typeAt = i;
    i++;
    if (r.zone !== null && !isInZone(owner, r.zone)) {
      return r.report(ctx, where(0), 'warning', 'zonefile-out-of-zone', `ignoring out-of-zone data (${owner} is not in ${r.zone || '.'})`);
    }
    const tokens: RdataToken[] = new Array<RdataToken>(lx.count - i);
    for (let j = i; j < lx.count; j++) tokens[j - i] = { text: lx.text(j), quoted: lx.quoted(j) };
    let rdata: string;
    try {
      if (info.kind === 'module') {
        const m = info.module;
        rdata = m.canonical ? m.canonical(tokens, ctx.originFqdn) : m.format(m.fromTokens(tokens, ctx.originFqdn));
      } else {
        rdata = opaqueRdata(tokens, info.generic);
      }
    } catch (e) {
      if (e instanceof RdataError || e instanceof NameError) {
        return r.report(ctx, where(tokens.length > 0 ? i : typeAt), 'error', e.code, `${info.name}: ${e.message}`);
      }
      throw e;
    }
    const type = info.name;
    if (type === 'SOA' && owner !== r.zone && r.zone !== null) {
      return r.report(ctx, where(0), 'error', 'zonefile-soa-not-at-apex', `SOA record not at the top of the zone (${owner})`);
    }
    if (ttl >= 0) r.lastTtl = ttl;
    else if (r.defaultTtl >= 0) ttl = r.defaultTtl;
    else if (r.lastTtl >= 0) {
      ttl = r.lastTtl;
      if (!this.warned1035) {
        this.warned1035 = true;
        r.report(ctx, where(0), 'warning', 'zonefile-rfc1035-ttl', 'no $TTL: records without a TTL take the previous record\'s TTL (RFC 1035 semantics)');
      }
    } else if (type === 'SOA') {
      ttl = soaMinimum(rdata);
      r.defaultTtl = ttl;
      r.report(ctx, where(0), 'warning', 'zonefile-soa-minimum-ttl', 'no TTL specified; using the SOA minimum instead');
    } else {
      return r.report(ctx, where(0), 'error', 'zonefile-no-ttl', 'no TTL specified (add $TTL or a TTL to the record)');
    }
    const outcome = r.store.add(owner, type, ttl, rdata);
    if (outcome.kind === 'error') r.report(ctx, where(0), 'error', outcome.code, outcome.message);
    else if (outcome.kind === 'ttl-changed') {
      r.report(ctx, where(0), 'warning', 'zonefile-ttl-mismatch', `${owner} ${type}: TTL ${ttl} differs from the RRset's TTL; using ${outcome.ttl} as BIND does`);
    }
  }

  private typeInfo(token: string): TypeInfo {
    let info = this.types.get(token);
    if (info === undefined) {
      info = resolveType(token);
      this.types.set(token, info);
    }
    return info;
  }
}

function resolveType(token: string): TypeInfo {
  const st = resolveTypeName(token);
  if (st.kind === 'unknown') return { kind: 'error', code: 'zonefile-unknown-type', message: `unknown record type '${token}'` };
  if (st.kind === 'meta') return { kind: 'error', code: 'zonefile-meta-type', message: `type '${st.name}' is a query type and cannot be in a zone file` };
  if (st.kind === 'obsolete') return { kind: 'error', code: 'zonefile-obsolete-type', message: `type '${st.name}' is obsolete` };
  const module = recordModule(st.name);
  if (module) return { kind: 'module', name: st.name, module };
  return { kind: 'opaque', name: st.name, generic: st.name.startsWith('TYPE') };
}

/** The MINIMUM field of canonical SOA rdata (its last field). */
function soaMinimum(rdata: string): number {
  const v = Number(rdata.slice(rdata.lastIndexOf(' ') + 1));
  return Number.isInteger(v) && v <= MAX_TTL ? v : 0;
}
