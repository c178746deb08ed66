import type { RawConfig, RawSource } from '../dsl/raw-types.js';
import { error, type Diagnostic } from '../ir/diagnostic.js';

/**
 * Structural checks of the JSON the sandbox returned against RawConfig (src/dsl/raw-types.ts):
 * every field's presence and type, hand-written so the check is exactly the contract. Nothing in
 * the JSON is trusted: it came from code the config could have tampered with. While checking, each
 * `pos` (a position in the bundle) is replaced by `source` (a position in the user's files).
 *
 * Keys the contract does not name are kept (a newer DSL may add optional fields), but no object may
 * have a `__proto__` key (JSON.parse makes it an own property that a later Object.assign or spread
 * into an ordinary object would turn into a prototype), and free-form values (meta, args) may nest
 * at most {@link MAX_DEPTH} levels.
 */

/** Maps a bundle position to the user's file; undefined when it lies in no user file. */
export type PosMapper = (line: number, column: number) => RawSource | undefined;

/** Maps a numbered call site (call-sites.ts) to the user's file; undefined when there is no such site. */
export type SiteMapper = (site: number) => RawSource | undefined;

/** Deepest nesting accepted in free-form values (meta, args). */
export const MAX_DEPTH = 32;
const MAX_DIAGNOSTICS = 50;

type Obj = Record<string, unknown>;

/** Checks and converts parsed JSON; returns the config, or the diagnostics when the shape is wrong. */
export function validateRawConfig(
  value: unknown,
  mapPos: PosMapper,
  mapSite: SiteMapper = () => undefined,
): { config?: RawConfig; diagnostics: Diagnostic[] } {
  const c = new Checker(mapPos, mapSite);
  const root = c.object(value, '$');
  if (root) {
    c.array(root, 'registrars', '$', (v, p) => c.provider(v, p));
    c.array(root, 'dnsProviders', '$', (v, p) => c.provider(v, p));
    c.array(root, 'domains', '$', (v, p) => c.domain(v, p));
    c.rest(root, '$', ['registrars', 'dnsProviders', 'domains']);
  }
  if (c.diagnostics.length > 0) return { diagnostics: c.diagnostics };
  return { config: root as unknown as RawConfig, diagnostics: [] };
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

  object(v: unknown, path: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      if (Object.hasOwn(v, '__proto__')) {
        this.fail(path, 'has a "__proto__" key');
        return undefined;
      }
      return v as Obj;
    }
    this.fail(path, `expected an object, got ${kind(v)}`);
    return undefined;
  }

  array(o: Obj, key: string, path: string, each: (v: unknown, path: string) => void, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (!Array.isArray(v)) {
      this.fail(`${path}.${key}`, `expected an array, got ${kind(v)}`);
      return;
    }
    for (let i = 0; i < v.length; i++) each(v[i], `${path}.${key}[${i}]`);
  }

  field(o: Obj, key: string, path: string, type: 'string' | 'number' | 'boolean', optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== type) this.fail(`${path}.${key}`, `expected a ${type}, got ${kind(v)}`);
  }

  /**
   * Replaces `pos` or `site` by `source`; a `source` in the output is dropped (only the loader sets
   * it). With both, `site` wins: it was injected by the loader, `pos` captured.
   */
  positioned(o: Obj, path: string): RawSource | undefined {
    const pos = o['pos'];
    const site = o['site'];
    delete o['source'];
    if (site !== undefined) {
      delete o['site'];
      delete o['pos'];
      if (!Number.isInteger(site)) {
        this.fail(`${path}.site`, 'expected an integer');
        return undefined;
      }
      const source = this.mapSite(site as number);
      if (source) o['source'] = source;
      return source;
    }
    if (pos === undefined) return undefined;
    delete o['pos'];
    const p = typeof pos === 'object' && pos !== null && !Array.isArray(pos) ? (pos as Obj) : undefined;
    if (!p || !Number.isInteger(p['line']) || !Number.isInteger(p['column'])) {
      this.fail(`${path}.pos`, 'expected {line, column} integers');
      return undefined;
    }
    const source = this.mapPos(p['line'] as number, p['column'] as number);
    if (source) o['source'] = source;
    return source;
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

  meta(o: Obj, path: string): void {
    const m = this.object(o['meta'], `${path}.meta`);
    if (m) this.free(m, `${path}.meta`);
  }

  /** Keys beyond the contract: kept, checked like free-form values, their positions mapped. */
  rest(o: Obj, path: string, known: readonly string[]): void {
    for (const key in o) {
      if (!Object.hasOwn(o, key) || known.includes(key) || key === 'pos' || key === 'site' || key === 'source') continue;
      this.free(o[key], `${path}.${key}`);
      this.mapNested(o[key], 0);
    }
  }

  private mapNested(v: unknown, depth: number): void {
    if (typeof v !== 'object' || v === null || depth >= MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const x of v) this.mapNested(x, depth + 1);
      return;
    }
    const o = v as Obj;
    if ('pos' in o || 'site' in o) this.positioned(o, '(extension)');
    for (const x of Object.values(o)) this.mapNested(x, depth + 1);
  }

  provider(v: unknown, path: string): void {
    const o = this.object(v, path);
    if (!o) return;
    const at = this.positioned(o, path);
    this.field(o, 'name', path, 'string');
    if (o['type'] !== null && typeof o['type'] !== 'string') this.fail(`${path}.type`, `expected a string or null, got ${kind(o['type'])}`, at);
    this.meta(o, path);
    this.rest(o, path, ['name', 'type', 'meta']);
  }

  record(v: unknown, path: string): void {
    const o = this.object(v, path);
    if (!o) return;
    this.positioned(o, path);
    this.field(o, 'type', path, 'string');
    this.field(o, 'label', path, 'string');
    if (Array.isArray(o['args'])) this.free(o['args'], `${path}.args`);
    else this.fail(`${path}.args`, `expected an array, got ${kind(o['args'])}`);
    this.field(o, 'ttl', path, 'number', true);
    this.meta(o, path);
    this.field(o, 'allowRepeatedDomain', path, 'boolean', true);
    this.rest(o, path, ['type', 'label', 'args', 'ttl', 'meta', 'allowRepeatedDomain']);
  }

  domain(v: unknown, path: string): void {
    const o = this.object(v, path);
    if (!o) return;
    this.positioned(o, path);
    this.field(o, 'name', path, 'string');
    this.field(o, 'registrar', path, 'string');
    this.array(o, 'dnsProviders', path, (x, p) => {
      const dp = this.object(x, p);
      if (!dp) return;
      this.positioned(dp, p);
      this.field(dp, 'name', p, 'string');
      this.field(dp, 'nsCount', p, 'number');
      this.rest(dp, p, ['name', 'nsCount']);
    });
    this.array(o, 'records', path, (x, p) => this.record(x, p));
    this.array(o, 'absent', path, (x, p) => this.record(x, p));
    this.array(o, 'nameservers', path, (x, p) => {
      const ns = this.object(x, p);
      if (!ns) return;
      this.positioned(ns, p);
      this.field(ns, 'name', p, 'string');
      this.rest(ns, p, ['name']);
    });
    this.field(o, 'nameserverTtl', path, 'number', true);
    this.field(o, 'defaultTtl', path, 'number', true);
    this.field(o, 'noPurge', path, 'boolean');
    this.array(o, 'ignores', path, (x, p) => {
      const ig = this.object(x, p);
      if (!ig) return;
      this.positioned(ig, p);
      for (const k of ['label', 'types', 'target']) this.field(ig, k, p, 'string');
      this.rest(ig, p, ['label', 'types', 'target']);
    });
    if (o['ignoreExternalDns'] !== undefined) {
      const ied = this.object(o['ignoreExternalDns'], `${path}.ignoreExternalDns`);
      if (ied) this.field(ied, 'prefix', `${path}.ignoreExternalDns`, 'string');
    }
    this.field(o, 'disableIgnoreSafetyCheck', path, 'boolean');
    const dnssec = o['autoDnssec'];
    if (dnssec !== undefined && dnssec !== 'on' && dnssec !== 'off') this.fail(`${path}.autoDnssec`, `expected "on" or "off", got ${kind(dnssec)}`);
    this.meta(o, path);
    if (o['safety'] !== undefined) {
      const s = this.object(o['safety'], `${path}.safety`);
      if (s) for (const k of ['maxUpdateFraction', 'maxDeleteFraction', 'minExisting']) this.field(s, k, `${path}.safety`, 'number', true);
    }
    this.rest(o, path, [
      'name', 'registrar', 'dnsProviders', 'records', 'absent', 'nameservers', 'nameserverTtl', 'defaultTtl',
      'noPurge', 'ignores', 'ignoreExternalDns', 'disableIgnoreSafetyCheck', 'autoDnssec', 'meta', 'safety',
    ]);
  }
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v).slice(0, 40)})`;
}
