import type { RawSource } from '../dsl/raw-types.js';
import type { SiteMapper } from './raw-schema.js';

/**
 * The fast path of raw-schema.ts's record check: a record exactly as the DSL writes it (100,000s
 * per config) is recognised by its keys and copied by a literal. Anything else returns undefined
 * and goes the field-by-field way, which reports.
 */

type Obj = Record<string, unknown>;

/**
 * Checker.record() for a record as the DSL writes it with nothing to report: the same checks, on the
 * fields of a known shape (see {@link dslShape}) read by name, where record() reads each through
 * one helper that V8 can only make megamorphic. Undefined for anything else, which record() then
 * checks field by field and reports: a nested value in args or meta, a site that maps to nothing.
 */
export function plainRecord(v: unknown, mapSite: SiteMapper): Obj | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Obj;
  const shape = dslShape(o);
  if (shape < 0 || typeof o['type'] !== 'string' || typeof o['label'] !== 'string') return undefined;
  const args = o['args'];
  if (!Array.isArray(args)) return undefined;
  for (let i = 0; i < args.length; i++) {
    const x: unknown = args[i];
    if (typeof x === 'object' && x !== null) return undefined;
  }
  if ((shape & TTL) !== 0 && typeof o['ttl'] !== 'number') return undefined;
  if ((shape & META) !== 0 && !flatMeta(o['meta'])) return undefined;
  const site = o['site'];
  if (!Number.isInteger(site)) return undefined;
  const source = mapSite(site as number);
  return source ? copyOf(o, shape, source) : undefined;
}

/** An object of metadata with no key `__proto__` and no nested value: nothing in it for free() to look at. */
function flatMeta(m: unknown): boolean {
  if (typeof m !== 'object' || m === null || Array.isArray(m) || Object.hasOwn(m, '__proto__')) return false;
  for (const k in m) {
    if (!Object.hasOwn(m, k)) continue;
    const x = (m as Obj)[k];
    if (typeof x === 'object' && x !== null) return false;
  }
  return true;
}

/** The copy Checker.positioned() makes of a record in a shape of {@link dslShape}; undefined for any other. */
export function dslRecord(o: Obj, source: RawSource | undefined): Obj | undefined {
  if (!source) return undefined;
  const shape = dslShape(o);
  return shape < 0 ? undefined : copyOf(o, shape, source);
}

const TTL = 1;
const META = 2;

/**
 * The shape of a record the DSL wrote, `type, label, args, [ttl,] [meta,] site` in that order:
 * {@link TTL} and {@link META} set for the optional keys present, -1 for any other shape. The keys
 * are read with for-in, which walks V8's cached key list without allocating one per record as
 * Object.keys does; for-in's inherited keys (none on JSON.parse's plain objects) would only make
 * the shape another one.
 */
function dslShape(o: Obj): number {
  let i = 0;
  let shape = 0;
  let site = false;
  for (const k in o) {
    if (site) return -1;
    if (i === 0 ? k !== 'type' : i === 1 ? k !== 'label' : i === 2 ? k !== 'args' : false) return -1;
    if (i++ < 3) continue;
    if (k === 'site') site = true;
    else if (k === 'ttl' && shape === 0) shape = TTL;
    else if (k === 'meta' && (shape & META) === 0) shape |= META;
    else return -1;
  }
  return site ? shape : -1;
}

/**
 * The copy Checker.positioned() makes of such a record (keys in their order, `site` dropped, `source`
 * last), made by a literal: one hidden class per shape and no keyed stores, for 100,000 records.
 */
function copyOf(o: Obj, shape: number, source: RawSource): Obj {
  switch (shape) {
    case 0:
      return { type: o['type'], label: o['label'], args: o['args'], source };
    case TTL:
      return { type: o['type'], label: o['label'], args: o['args'], ttl: o['ttl'], source };
    case META:
      return { type: o['type'], label: o['label'], args: o['args'], meta: o['meta'], source };
    default:
      return { type: o['type'], label: o['label'], args: o['args'], ttl: o['ttl'], meta: o['meta'], source };
  }
}
