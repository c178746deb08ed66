import { MAX_TTL } from './ttl.js';

/** One way an IR file differs from the documented shape; `path` is where (`domains[2].records[5].ttl`). */
export interface ShapeError {
  readonly path: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;
type Check = (v: unknown, path: string, errors: ShapeError[]) => boolean;

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function expect(ok: boolean, what: string): Check {
  return (_v, path, errors) => ok || (errors.push({ path, message: `expected ${what}` }), false);
}

const str: Check = (v, p, e) => expect(typeof v === 'string', 'a string')(v, p, e);
const nonEmpty: Check = (v, p, e) => expect(typeof v === 'string' && v !== '', 'a non-empty string')(v, p, e);
const bool: Check = (v, p, e) => expect(typeof v === 'boolean', 'true or false')(v, p, e);
const object: Check = (v, p, e) => expect(isObj(v), 'an object')(v, p, e);
const ttl: Check = (v, p, e) => expect(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_TTL, `a positive integer (a TTL of 1-${MAX_TTL} seconds)`)(v, p, e);
const positive: Check = (v, p, e) => expect(typeof v === 'number' && Number.isInteger(v) && v >= 1, 'a positive integer')(v, p, e);
const fraction: Check = (v, p, e) => expect(typeof v === 'number' && v >= 0 && v <= 1, 'a number from 0 to 1')(v, p, e);
const count: Check = (v, p, e) => expect(typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a whole number, 0 or more')(v, p, e);
const nsCount: Check = (v, p, e) => expect(typeof v === 'number' && Number.isInteger(v) && v >= -1, 'an integer, -1 or more')(v, p, e);
const onOff: Check = (v, p, e) => expect(v === 'on' || v === 'off', '"on" or "off"')(v, p, e);

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const stringMap: Check = (v, path, errors) => {
  if (!object(v, path, errors)) return false;
  let ok = true;
  for (const [k, x] of Object.entries(v as Obj)) ok = str(x, join(path, k), errors) && ok;
  return ok;
};

function arrayOf(item: Check): Check {
  return (v, path, errors) => {
    if (!Array.isArray(v)) return expect(false, 'an array')(v, path, errors);
    let ok = true;
    for (let i = 0; i < v.length; i++) ok = item(v[i], `${path}[${i}]`, errors) && ok;
    return ok;
  };
}

/** An object with required (`name`) and optional (`name?`) fields; unknown fields are errors (typos). */
function shape(fields: Readonly<Record<string, Check>>): Check {
  const known = new Map<string, { check: Check; optional: boolean }>();
  for (const [k, check] of Object.entries(fields)) known.set(k.replace(/\?$/, ''), { check, optional: k.endsWith('?') });
  return (v, path, errors) => {
    if (!object(v, path, errors)) return false;
    const o = v as Obj;
    let ok = true;
    for (const [k, { check, optional }] of known) {
      if (o[k] === undefined) {
        if (!optional) {
          errors.push({ path, message: `missing field "${k}"` });
          ok = false;
        }
      } else ok = check(o[k], join(path, k), errors) && ok;
    }
    for (const k of Object.keys(o)) {
      if (!known.has(k)) {
        errors.push({ path: join(path, k), message: 'unknown field' });
        ok = false;
      }
    }
    return ok;
  };
}

const source = shape({ file: str, line: positive, column: positive });
const record = shape({ name: str, type: nonEmpty, ttl, rdata: str, 'meta?': stringMap, 'source?': source });
const decl = shape({ name: nonEmpty, 'type?': nonEmpty, meta: object, 'source?': source });
const ignore = shape({ label: str, types: str, target: str, 'source?': source });
const handsOff = shape({ 'purge?': bool, 'ignores?': arrayOf(ignore), 'externalDnsPrefix?': str, 'disableIgnoreSafetyCheck?': bool });
const domain = shape({
  name: nonEmpty,
  'unicodeName?': str,
  'tag?': str,
  'uniqueName?': str,
  registrar: str,
  dnsProviders: arrayOf(shape({ name: nonEmpty, nameserverCount: nsCount })),
  'nameservers?': arrayOf(shape({ name: nonEmpty, 'source?': source })),
  'nameserverTtl?': ttl,
  records: arrayOf(record),
  'absent?': arrayOf(record),
  'handsOff?': handsOff,
  'safety?': shape({ 'maxUpdateFraction?': fraction, 'maxDeleteFraction?': fraction, 'minExisting?': count }),
  'meta?': stringMap,
  'source?': source,
  'defaultTtl?': ttl,
  'autoDnssec?': onOff,
});
const config = shape({
  version: positive,
  registrars: arrayOf(decl),
  dnsProviders: arrayOf(decl),
  domains: arrayOf(domain),
});

/**
 * Checks a parsed IR file against the shape docs/ir.md documents and returns every difference.
 * Fields the reader can derive (unicodeName, tag, uniqueName, nameservers, absent, handsOff, meta)
 * may be left out by other generators; `uniqueName`, when given, must agree with name and tag.
 */
export function checkIrShape(value: unknown): ShapeError[] {
  const errors: ShapeError[] = [];
  if (!config(value, '', errors)) return errors;
  const domains = (value as { domains: Obj[] }).domains;
  domains.forEach((d, i) => {
    const expected = d['tag'] ? `${String(d['name'])}!${String(d['tag'])}` : String(d['name']);
    if (d['uniqueName'] !== undefined && d['uniqueName'] !== expected) {
      errors.push({ path: `domains[${i}].uniqueName`, message: `expected "${expected}" (name and tag), not "${String(d['uniqueName'])}"` });
    }
  });
  return errors;
}
