import { decodeText } from '../../src/records/text.js';
import { RdataError, type RdataToken, type RecordTypeModule } from '../../src/records/types.js';
import { recordModule } from './record-types.js';
import { resolveTypeName } from './rr-types.js';
import { TOKEN_ESCAPED, type ZoneLexer } from './zonefile-lexer.js';
import { canonicalName, isInZone, nameProblem, ownerFromBytes } from './zonefile-names.js';
import type { FileContext, ZoneReader } from './zonefile-reader.js';
import { MAX_TTL, ttlFromText } from './zonefile-ttl.js';
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
  private readonly types = new Map<number, TypeInfo>();
  private checkedOrigin: string | null | undefined = undefined;
  private checkedResult = true;
  private readonly pool: { text: string; quoted: boolean }[] = [];
  private readonly tokens: RdataToken[] = [];
  private suffixOrigin: string | null | undefined = undefined;
  private suffix: Uint8Array | null = null;
  private warned1035 = false;
  private lastOwnerText = '';
  private lastOwnerOrigin: string | null = null;
  private lastOwner = '';
  /** BIND loads runs of records with one owner as a batch; TTL rules depend on it (zonefile-rrsets.ts). */
  private batchOwner = '';
  private batch = 0;

  constructor(private readonly reader: ZoneReader) {}

  /** Parses the lexer's current entry; `at` >= 0 pins every diagnostic to that offset ($GENERATE). */
  parse(ctx: FileContext, lx: ZoneLexer, at: number): void {
    const r = this.reader;
    let i = 0;
    let owner: string;
    // A relative owner under an origin inside the zone is inside it; anything else is checked.
    let relative = false;
    if (lx.ownerOmitted) {
      if (ctx.owner === null) return this.fail(ctx, lx, at, 0, 'zonefile-no-owner', 'the first record has no owner name (the line starts with a blank)');
      owner = ctx.owner;
    } else {
      relative = lx.byteAt(0, lx.length(0) - 1) !== 0x2e || lx.length(0) === 0;
      const fast = lx.flags[0] === 0 ? ownerFromBytes(lx.buf, lx.starts[0]!, lx.ends[0]!, this.suffixOf(ctx.origin)) : undefined;
      if (fast !== undefined) owner = fast;
      else {
        const text = lx.text(0);
        if (text === this.lastOwnerText && ctx.origin === this.lastOwnerOrigin) owner = this.lastOwner;
        else {
          try {
            owner = canonicalName(text, ctx.origin);
          } catch (e) {
            const p = nameProblem(e);
            if (!p) throw e;
            return this.fail(ctx, lx, at, 0, p.code, p.message);
          }
          this.lastOwnerText = text;
          this.lastOwnerOrigin = ctx.origin;
          this.lastOwner = owner;
        }
      }
      ctx.owner = owner;
      i = 1;
    }
    let ttl = -1;
    let classSeen = false;
    for (let k = 0; k < 2 && i < lx.count && !lx.quoted(i); k++) {
      const c0 = lx.byteAt(i, 0);
      if (ttl < 0 && c0 >= 0x30 && c0 <= 0x39) {
        ttl = plainSeconds(lx, i);
        if (ttl < 0) {
          const text = lx.text(i);
          const t = ttlFromText(text);
          if (t === undefined) return this.fail(ctx, lx, at, i, 'zonefile-bad-ttl', `'${text}' is not a TTL (seconds, or units such as 1h30m, at most 4294967295)`);
          ttl = t;
        }
        if (ttl > MAX_TTL) {
          this.warn(ctx, lx, at, i, 'zonefile-ttl-too-large', `TTL ${ttl} is above 2147483647; BIND uses 0`);
          ttl = 0;
        }
        i++;
        continue;
      }
      if (!classSeen && lx.length(i) === 2 && (c0 | 0x20) === 0x69 && (lx.byteAt(i, 1) | 0x20) === 0x6e) {
        classSeen = true;
        i++;
        continue;
      }
      if (!classSeen && lx.length(i) <= 8) {
        const cls = lx.text(i).toUpperCase();
        if (CLASSES.has(cls) || /^CLASS[0-9]+$/.test(cls)) {
          if (cls !== 'CLASS1') return this.fail(ctx, lx, at, i, 'zonefile-bad-class', `class '${cls}' is not the zone's class IN`);
          classSeen = true;
          i++;
          continue;
        }
      }
      break;
    }
    if (i >= lx.count) return this.fail(ctx, lx, at, i, 'zonefile-missing-type', 'the record has no type');
    const info = this.typeInfo(lx, i);
    if (info.kind === 'error') return this.fail(ctx, lx, at, i, info.code, info.message);
    const typeAt = i;
    i++;
    if (r.zone !== null && !(relative && this.originInZone(ctx)) && !isInZone(owner, r.zone)) {
      return this.warn(ctx, lx, at, 0, 'zonefile-out-of-zone', `ignoring out-of-zone data (${owner} is not in ${r.zone || '.'})`);
    }
    // Token objects are reused from entry to entry: modules read them, never keep them.
    const tokens = this.tokens;
    tokens.length = lx.count - i;
    for (let j = i; j < lx.count; j++) {
      let t = this.pool[j - i];
      if (t === undefined) this.pool[j - i] = t = { text: '', quoted: false };
      t.text = lx.text(j);
      t.quoted = lx.quoted(j);
      tokens[j - i] = t;
    }
    let rdata: string;
    try {
      if (info.name === 'TXT') checkCharStrings(tokens);
      if (info.kind === 'module') {
        const m = info.module;
        rdata = m.canonical ? m.canonical(tokens, ctx.originFqdn) : m.format(m.fromTokens(tokens, ctx.originFqdn));
      } else {
        rdata = opaqueRdata(tokens, info.generic);
      }
    } catch (e) {
      const p = nameProblem(e);
      if (!p) throw e;
      return this.fail(ctx, lx, at, tokens.length > 0 ? i : typeAt, p.code, `${info.name}: ${p.message}`);
    }
    const type = info.name;
    if (type === 'SOA' && owner !== r.zone && r.zone !== null) {
      return this.fail(ctx, lx, at, 0, 'zonefile-soa-not-at-apex', `SOA record not at the top of the zone (${owner})`);
    }
    if (ttl >= 0) r.lastTtl = ttl;
    else if (r.defaultTtl >= 0) ttl = r.defaultTtl;
    else if (r.lastTtl >= 0) {
      ttl = r.lastTtl;
      if (!this.warned1035) {
        this.warned1035 = true;
        this.warn(ctx, lx, at, 0, 'zonefile-rfc1035-ttl', "no $TTL: records without a TTL take the previous record's TTL (RFC 1035 semantics)");
      }
    } else if (type === 'SOA') {
      ttl = soaMinimum(rdata);
      r.defaultTtl = ttl;
      this.warn(ctx, lx, at, 0, 'zonefile-soa-minimum-ttl', 'no TTL specified; using the SOA minimum instead');
    } else {
      return this.fail(ctx, lx, at, 0, 'zonefile-no-ttl', 'no TTL specified (add $TTL or a TTL to the record)');
    }
    if (owner !== this.batchOwner) {
      this.batchOwner = owner;
      this.batch++;
    }
    const outcome = r.store.add(owner, type, ttl, rdata, this.batch);
    if (outcome.kind === 'error') this.fail(ctx, lx, at, 0, outcome.code, outcome.message);
    else if (outcome.kind === 'ttl-prior') {
      this.warn(ctx, lx, at, 0, 'zonefile-ttl-mismatch', `${owner} ${type}: TTL ${ttl} differs from the RRset's TTL; using ${outcome.ttl} as BIND does`);
    } else if (outcome.kind === 'ttl-replaced') {
      this.warn(ctx, lx, at, 0, 'zonefile-ttl-mismatch', `${owner} ${type}: TTL ${ttl} replaces the TTL ${outcome.previous} of the records read earlier, as BIND does`);
    }
  }

  private fail(ctx: FileContext, lx: ZoneLexer, at: number, token: number, code: string, message: string): void {
    this.reader.report(ctx, at >= 0 ? at : lx.offset(Math.min(token, lx.count - 1)), 'error', code, message);
  }

  private warn(ctx: FileContext, lx: ZoneLexer, at: number, token: number, code: string, message: string): void {
    this.reader.report(ctx, at >= 0 ? at : lx.offset(Math.min(token, lx.count - 1)), 'warning', code, message);
  }

  /** `.origin` as bytes for ownerFromBytes (empty for the root, null when there is no origin). */
  private suffixOf(origin: string | null): Uint8Array | null {
    if (origin !== this.suffixOrigin) {
      this.suffixOrigin = origin;
      this.suffix = origin === null ? null : Buffer.from(origin === '' ? '' : `.${origin}`, 'latin1');
    }
    return this.suffix;
  }

  /** Whether the current origin is inside the zone, so relative owners need no check. */
  private originInZone(ctx: FileContext): boolean {
    if (ctx.origin !== this.checkedOrigin) {
      this.checkedOrigin = ctx.origin;
      const zone = this.reader.zone;
      this.checkedResult = zone === null || (ctx.origin !== null && isInZone(ctx.origin, zone));
    }
    return this.checkedResult;
  }

  /** The type at token `i`; short names are looked up by their bytes, without making a string. */
  private typeInfo(lx: ZoneLexer, i: number): TypeInfo {
    const n = lx.length(i);
    if (n > 6 || (lx.flags[i]! & TOKEN_ESCAPED) !== 0) return resolveType(lx.text(i));
    let key = 1;
    for (let k = 0; k < n; k++) {
      const b = lx.byteAt(i, k);
      key = key * 256 + (b >= 0x61 && b <= 0x7a ? b - 0x20 : b);
    }
    let info = this.types.get(key);
    if (info === undefined) {
      info = resolveType(lx.text(i));
      this.types.set(key, info);
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

/**
 * Each TXT string in a zone file is one character-string of at most 255 octets (BIND refuses
 * longer ones). The record module cannot check this: a canonical TXT is one string of any length.
 */
function checkCharStrings(tokens: readonly RdataToken[]): void {
  for (const t of tokens) {
    // At most 3 octets per UTF-16 unit, so short text cannot be too long.
    if (t.text.length <= 85) continue;
    const n = decodeText(t.text).length;
    if (n > 255) throw new RdataError('string-too-long', `a string of ${n} octets; each string in a zone file holds at most 255 (split it: "part1" "part2")`);
  }
}

/** A TTL of plain digits (the common case) read from the bytes; -1 when the token is anything else. */
function plainSeconds(lx: ZoneLexer, i: number): number {
  const n = lx.length(i);
  if (n > 9) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const b = lx.byteAt(i, k);
    if (b < 0x30 || b > 0x39) return -1;
    v = v * 10 + (b - 0x30);
  }
  return v;
}

/** The MINIMUM field of canonical SOA rdata (its last field). */
function soaMinimum(rdata: string): number {
  const v = Number(rdata.slice(rdata.lastIndexOf(' ') + 1));
  return Number.isInteger(v) && v <= MAX_TTL ? v : 0;
}
