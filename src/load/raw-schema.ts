import type { RawConfig, RawDomain, RawSource } from '../dsl/raw-types.js';
import { error, type Diagnostic } from '../ir/diagnostic.js';
import { dslRecord, plainRecord } from './raw-record-fast.js';

/**
 * Structural checks of the JSON the sandbox returned against RawConfig (src/dsl/raw-types.ts):
 * every field's presence and type, hand-written so the check is exactly the contract. Nothing in
 * the JSON is trusted: it came from code the config could have tampered with. While checking, each
 * `pos` or `site` (a position in the bundle) is replaced by `source` (a position in the user's files).
 *
 * Keys the contract does not name are kept (a newer DSL may add optional fields), but no object may
 * have a `__proto__` key (JSON.parse makes it an own property that a later Object.assign or spread
 * into an ordinary object would turn into a prototype), and free-form values (meta, args) may nest
 * at most {@link MAX_DEPTH} levels.
 *
 * This runs once per record (100,000 in a large config), so two things are avoided:
 * - `delete`: since V8 13 (Node 24) deleting even the last property added turns the object into a
 *   slow dictionary (Node 20 rolled the hidden class back); every later read of the record, and its
 *   memory, paid for it. A positioned object is copied instead, its keys in their order without
 *   `pos`, `site` and `source`, then `source`: the same object the deletes left on Node 20.
 * - paths: a diagnostic's path (`$.domains[3].records[17].type`) is built only when it is reported;
 *   the hot methods take the path of their list and their index in it (-1: the base is the path).
 */

/** Maps a bundle position to the user's file; undefined when it lies in no user file. */
export type PosMapper = (line: number, column: number) => RawSource | undefined;

/** Maps a numbered call site (call-sites.ts) to the user's file; undefined when there is no such site. */
export type SiteMapper = (site: number) => RawSource | undefined;

/** Deepest nesting accepted in free-form values (meta, args). */
export const MAX_DEPTH = 32;
const MAX_DIAGNOSTICS = 50;

type Obj = Record<string, unknown>;

/** Checks one element of a list; returns what the list holds from then on (a positioned copy, or the element). */
type Each = (v: unknown, list: string, index: number) => unknown;

// The keys the contract names for each kind of object (pos, site and source aside); others are extensions.
const ROOT_KEYS = new Set(['registrars', 'dnsProviders', 'domains']);
const PROVIDER_KEYS = new Set(['name', 'type', 'meta']);
const RECORD_KEYS = new Set(['type', 'label', 'args', 'ttl', 'meta', 'allowRepeatedDomain']);
const DOMAIN_PROVIDER_KEYS = new Set(['name', 'nsCount']);
const NAMESERVER_KEYS = new Set(['name']);
const IGNORE_KEYS = new Set(['label', 'types', 'target']);
const DOMAIN_KEYS = new Set([
  'name', 'registrar', 'dnsProviders', 'records', 'absent', 'nameservers', 'nameserverTtl', 'defaultTtl',
  'noPurge', 'ignores', 'ignoreExternalDns', 'disableIgnoreSafetyCheck', 'autoDnssec', 'meta', 'safety',
]);

/** Checks and converts parsed JSON; returns the config, or the diagnostics when the shape is wrong. */
export function validateRawConfig(
  value: unknown,
  mapPos: PosMapper,
  mapSite: SiteMapper = () => undefined,
): { config?: RawConfig; diagnostics: Diagnostic[] } {
  const c = new Checker(mapPos, mapSite);
  const root = c.object(value, '$', -1);
  if (root) {
    c.array(root, 'registrars', '$', -1, (v, l, i) => c.provider(v, l, i));
    c.array(root, 'dnsProviders', '$', -1, (v, l, i) => c.provider(v, l, i));
    c.array(root, 'domains', '$', -1, (v, l, i) => c.domain(v, l, i));
    c.rest(root, ROOT_KEYS, '$', -1, undefined);
  }
  if (c.diagnostics.length > 0) return { diagnostics: c.diagnostics };
  return { config: root as unknown as RawConfig, diagnostics: [] };
}

/**
 * validateRawConfig for a config handed over in parts (raw-parts.ts): first the root without its
 * domains, then each domain in order. Each call answers undefined once any diagnostic was reported;
 * the diagnostics are then those validateRawConfig gives up to that point.
 */
export class RawPartsChecker {
  private readonly c: Checker;
  constructor(mapPos: PosMapper, mapSite: SiteMapper) {
    this.c = new Checker(mapPos, mapSite);
  }

  /** Problems found so far. */
  get diagnostics(): readonly Diagnostic[] {
    return this.c.diagnostics;
  }

  /** `head`: the root object with `registrars` and `dnsProviders` only. */
  providers(head: unknown): Pick<RawConfig, 'registrars' | 'dnsProviders'> | undefined {
    const c = this.c;
    const root = c.object(head, '$', -1);
    if (!root) return undefined;
    c.array(root, 'registrars', '$', -1, (v, l, i) => c.provider(v, l, i));
    c.array(root, 'dnsProviders', '$', -1, (v, l, i) => c.provider(v, l, i));
    return c.diagnostics.length > 0 ? undefined : (root as unknown as Pick<RawConfig, 'registrars' | 'dnsProviders'>);
  }

  /** Domain number `index` of the config. */
  domain(v: unknown, index: number): RawDomain | undefined {
    const d = this.c.domain(v, '$.domains', index);
    return this.c.diagnostics.length > 0 ? undefined : (d as RawDomain);
  }
}

/** `base`, `base[index]` or either followed by `.key`: the path of a diagnostic. */
function pathOf(base: string, index: number, key?: string): string {
  const at = index < 0 ? base : `${base}[${index}]`;
  return key === undefined ? at : `${at}.${key}`;
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly mapPos: PosMapper,
    private readonly mapSite: SiteMapper,
  ) {}

  fail(path: string, message: string, source?: RawSource): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
    this.diagnostics.push(error('raw-invalid', `the DSL's output is malformed at ${path}: ${message}`, source));
  }

  object(v: unknown, base: string, index: number, key?: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      if (Object.hasOwn(v, '__proto__')) {
        this.fail(pathOf(base, index, key), 'has a "__proto__" key');
        return undefined;
      }
      return v as Obj;
    }
    this.fail(pathOf(base, index, key), `expected an object, got ${kind(v)}`);
    return undefined;
  }

  /** Checks each element of `o[key]` and stores what `each` returns in its place. */
  array(o: Obj, key: string, base: string, index: number, each: Each, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    const list = pathOf(base, index, key);
    if (!Array.isArray(v)) {
      this.fail(list, `expected an array, got ${kind(v)}`);
      return;
    }
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = each(x, list, i);
      if (y !== x) v[i] = y;
    }
  }

  field(o: Obj, key: string, base: string, index: number, type: 'string' | 'number' | 'boolean', optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== type) this.fail(pathOf(base, index, key), `expected a ${type}, got ${kind(v)}`);
  }

  /**
   * Where `pos` or `site` says the object was written; a `source` in the output is ignored (only
   * the loader sets it). With both, `site` wins: it was injected by the loader, `pos` captured.
   */
  source(o: Obj, base: string, index: number): RawSource | undefined {
    const site = o['site'];
    if (site !== undefined) {
      if (!Number.isInteger(site)) {
        this.fail(pathOf(base, index, 'site'), 'expected an integer');
        return undefined;
      }
      return this.mapSite(site as number);
    }
    const pos = o['pos'];
    if (pos === undefined) return undefined;
    const p = typeof pos === 'object' && pos !== null && !Array.isArray(pos) ? (pos as Obj) : undefined;
    if (!p || !Number.isInteger(p['line']) || !Number.isInteger(p['column'])) {
      this.fail(pathOf(base, index, 'pos'), 'expected {line, column} integers');
      return undefined;
    }
    return this.mapPos(p['line'] as number, p['column'] as number);
  }

  /** Any JSON value; only `__proto__` keys and excessive depth are refused. */
  free(v: unknown, path: string, depth = 0): void {
    if (typeof v !== 'object' || v === null) return;
    if (depth >= MAX_DEPTH) {
      this.fail(path, `nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    if (Array.isArray(v)) {
      // Only objects need a look (and a path, built for them alone: args hold 100,000s of strings).
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) this.free(x, `${path}[${i}]`, depth + 1);
      }
      return;
    }
    if (Object.hasOwn(v, '__proto__')) {
      this.fail(path, 'has a "__proto__" key');
      return;
    }
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const x = (v as Obj)[k];
      if (typeof x === 'object' && x !== null) this.free(x, `${path}.${k}`, depth + 1);
    }
  }

  /** `o.meta`: an object of free-form values. Its path is built only for a nested object. */
  meta(o: Obj, base: string, index: number, optional = false): void {
    const v = o['meta'];
    if (v === undefined && optional) return;
    const m = this.object(v, base, index, 'meta');
    if (!m) return;
    for (const k in m) {
      if (!Object.hasOwn(m, k)) continue;
      const x = m[k];
      if (typeof x === 'object' && x !== null) this.free(x, `${pathOf(base, index, 'meta')}.${k}`, 1);
    }
  }

  /**
   * Keys beyond the contract (`known`): kept, checked like free-form values, their positions
   * mapped. With `out`, every key but `pos`, `site` and `source` is copied into it, in order.
   */
  rest(o: Obj, known: ReadonlySet<string>, base: string, index: number, out: Obj | undefined): void {
    for (const key in o) {
      if (!Object.hasOwn(o, key) || key === 'pos' || key === 'site' || key === 'source') continue;
      const v = o[key];
      if (!known.has(key)) {
        this.free(v, pathOf(base, index, key));
        this.mapNested(v, 0);
      }
      // `object()` refused a `__proto__` key, which this store would turn into the prototype.
      if (out) out[key] = v;
    }
  }

  /** `o` checked for extensions and copied without its positions, `source` last (see the file's comment). */
  positioned(o: Obj, source: RawSource | undefined, known: ReadonlySet<string>, base: string, index: number): Obj {
    const out: Obj = {};
    this.rest(o, known, base, index, out);
    if (source) out['source'] = source;
    return out;
  }

  private mapNested(v: unknown, depth: number): void {
    if (typeof v !== 'object' || v === null || depth >= MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const x of v) this.mapNested(x, depth + 1);
      return;
    }
    const o = v as Obj;
    if ('pos' in o || 'site' in o) {
      // Only inside extensions, which no DSL writes yet: changed in place, deletes and all.
      const source = this.source(o, '(extension)', -1);
      delete o['source'];
      delete o['site'];
      delete o['pos'];
      if (source) o['source'] = source;
    }
    for (const x of Object.values(o)) this.mapNested(x, depth + 1);
  }

  provider(v: unknown, base: string, index: number): unknown {
    const o = this.object(v, base, index);
    if (!o) return v;
    const at = this.source(o, base, index);
    this.field(o, 'name', base, index, 'string');
    if (o['type'] !== null && typeof o['type'] !== 'string') this.fail(pathOf(base, index, 'type'), `expected a string or null, got ${kind(o['type'])}`, at);
    this.meta(o, base, index);
    return this.positioned(o, at, PROVIDER_KEYS, base, index);
  }

  record(v: unknown, base: string, index: number): unknown {
    const plain = plainRecord(v, this.mapSite);
    if (plain) return plain;
    const o = this.object(v, base, index);
    if (!o) return v;
    const source = this.source(o, base, index);
    this.field(o, 'type', base, index, 'string');
    this.field(o, 'label', base, index, 'string');
    const args = o['args'];
    if (Array.isArray(args)) {
      for (let i = 0; i < args.length; i++) {
        const x: unknown = args[i];
        if (typeof x === 'object' && x !== null) this.free(x, `${pathOf(base, index, 'args')}[${i}]`, 1);
      }
    } else this.fail(pathOf(base, index, 'args'), `expected an array, got ${kind(args)}`);
    this.field(o, 'ttl', base, index, 'number', true);
    this.meta(o, base, index, true);
    this.field(o, 'allowRepeatedDomain', base, index, 'boolean', true);
    return dslRecord(o, source) ?? this.positioned(o, source, RECORD_KEYS, base, index);
  }

  domain(v: unknown, base: string, index: number): unknown {
    const o = this.object(v, base, index);
    if (!o) return v;
    const source = this.source(o, base, index);
    const path = pathOf(base, index);
    this.field(o, 'name', path, -1, 'string');
    this.field(o, 'registrar', path, -1, 'string');
    this.array(o, 'dnsProviders', path, -1, (x, l, i) => {
      const dp = this.object(x, l, i);
      if (!dp) return x;
      const at = this.source(dp, l, i);
      this.field(dp, 'name', l, i, 'string');
      this.field(dp, 'nsCount', l, i, 'number');
      return this.positioned(dp, at, DOMAIN_PROVIDER_KEYS, l, i);
    });
    this.array(o, 'records', path, -1, (x, l, i) => this.record(x, l, i));
    this.array(o, 'absent', path, -1, (x, l, i) => this.record(x, l, i));
    this.array(o, 'nameservers', path, -1, (x, l, i) => {
      const ns = this.object(x, l, i);
      if (!ns) return x;
      const at = this.source(ns, l, i);
      this.field(ns, 'name', l, i, 'string');
      return this.positioned(ns, at, NAMESERVER_KEYS, l, i);
    });
    this.field(o, 'nameserverTtl', path, -1, 'number', true);
    this.field(o, 'defaultTtl', path, -1, 'number', true);
    this.field(o, 'noPurge', path, -1, 'boolean');
    this.array(o, 'ignores', path, -1, (x, l, i) => {
      const ig = this.object(x, l, i);
      if (!ig) return x;
      const at = this.source(ig, l, i);
      for (const k of ['label', 'types', 'target']) this.field(ig, k, l, i, 'string');
      return this.positioned(ig, at, IGNORE_KEYS, l, i);
    });
    if (o['ignoreExternalDns'] !== undefined) {
      const ied = this.object(o['ignoreExternalDns'], path, -1, 'ignoreExternalDns');
      if (ied) this.field(ied, 'prefix', `${path}.ignoreExternalDns`, -1, 'string');
    }
    this.field(o, 'disableIgnoreSafetyCheck', path, -1, 'boolean');
    const dnssec = o['autoDnssec'];
    if (dnssec !== undefined && dnssec !== 'on' && dnssec !== 'off') this.fail(`${path}.autoDnssec`, `expected "on" or "off", got ${kind(dnssec)}`);
    this.meta(o, path, -1);
    if (o['safety'] !== undefined) {
      const s = this.object(o['safety'], path, -1, 'safety');
      if (s) for (const k of ['maxUpdateFraction', 'maxDeleteFraction', 'minExisting']) this.field(s, k, `${path}.safety`, -1, 'number', true);
    }
    return this.positioned(o, source, DOMAIN_KEYS, path, -1);
  }
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v).slice(0, 40)})`;
}
