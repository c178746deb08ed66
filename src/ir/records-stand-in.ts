import { isIP } from 'node:net';
import { RdataError, type RdataToken, type RecordTypeModule } from '../records/types.js';

/**
 * STAND-IN, to be deleted when src/records/registry.ts lands: just enough record types for the
 * normaliser's own tests (A, AAAA, CNAME, ALIAS, DNAME, NS, PTR, MX, SRV, TXT, CAA, SOA, DS).
 */

type Fields = readonly (string | number)[];

function name(v: unknown, zone: string): string {
  if (typeof v !== 'string' || v === '') throw new RdataError('invalid-name', `expected a name, got ${JSON.stringify(v)}`);
  if (v === '@') return `${zone}.`;
  if (v === '.') return '.';
  const lower = v.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.${zone}.`;
}

function uint(v: unknown, bits: number, what: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= 2 ** bits) {
    throw new RdataError(`${what}-range`, `${what} must be 0-${2 ** bits - 1}, not ${JSON.stringify(v)}`);
  }
  return n;
}

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function unquote(t: RdataToken): string {
  return t.text.replace(/\\(.)/g, '$1');
}

function mod(type: string, parse: (args: readonly unknown[], zone: string) => Fields, format: (f: Fields) => string, targetIndex?: number): RecordTypeModule<Fields> {
  const m: RecordTypeModule<Fields> = {
    type,
    code: undefined,
    fromArgs: (args, ctx) => parse(args, ctx.zone),
    fromTokens: (tokens, origin) => parse(tokens.map((t) => (t.quoted ? unquote(t) : t.text)), origin.replace(/\.$/, '')),
    format,
    check: () => [],
    target: (f) => String(targetIndex === undefined ? format(f) : f[targetIndex]),
    dependsOn: (f) => (targetIndex === undefined ? [] : [String(f[targetIndex])]),
    toWire: () => {
      throw new Error('stand-in');
    },
    fromWire: () => {
      throw new Error('stand-in');
    },
  };
  return m;
}

const spaced = (f: Fields): string => f.join(' ');

function address(version: 4 | 6) {
  return (args: readonly unknown[]): Fields => {
    const v = args[0];
    if (typeof v !== 'string' || isIP(v) !== version) throw new RdataError(`invalid-ipv${version}`, `${JSON.stringify(v)} is not an IPv${version} address`);
    return [v.toLowerCase()];
  };
}

const MODULES: Record<string, RecordTypeModule<Fields>> = {
  A: mod('A', address(4), spaced),
  AAAA: mod('AAAA', address(6), spaced),
  CNAME: mod('CNAME', (a, z) => [name(a[0], z)], spaced, 0),
  ALIAS: mod('ALIAS', (a, z) => [name(a[0], z)], spaced, 0),
  DNAME: mod('DNAME', (a, z) => [name(a[0], z)], spaced, 0),
  NS: mod('NS', (a, z) => [name(a[0], z)], spaced, 0),
  PTR: mod('PTR', (a, z) => [name(a[0], z)], spaced, 0),
  MX: mod('MX', (a, z) => [uint(a[0], 16, 'mx-preference'), name(a[1], z)], spaced, 1),
  SRV: mod('SRV', (a, z) => [uint(a[0], 16, 'srv-priority'), uint(a[1], 16, 'srv-weight'), uint(a[2], 16, 'srv-port'), name(a[3], z)], spaced, 3),
  TXT: mod('TXT', (a) => [a.map(String).join('')], (f) => quote(String(f[0])), 0),
  CAA: mod(
    'CAA',
    (a) => {
      const tag = String(a[1]);
      if (!['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc'].includes(tag)) {
        throw new RdataError('caa-tag', `CAA tag ${tag} is not one of the known tags`);
      }
      return [uint(a[0], 8, 'caa-flag'), tag, String(a[2])];
    },
    (f) => `${f[0]} ${f[1]} ${quote(String(f[2]))}`,
    2,
  ),
  SOA: mod(
    'SOA',
    (a, z) => [name(a[0], z), name(a[1], z), ...a.slice(2, 7).map((v) => uint(v, 32, 'soa-field'))],
    spaced,
  ),
  DS: mod(
    'DS',
    (a) => [uint(a[0], 16, 'ds-keytag'), uint(a[1], 8, 'ds-algorithm'), uint(a[2], 8, 'ds-digest-type'), String(a[3]).toUpperCase()],
    spaced,
  ),
};

/** The stand-in registry: the module for a type, or undefined. */
export function standInModule(type: string): RecordTypeModule | undefined {
  return MODULES[type] as RecordTypeModule | undefined;
}

/** The stand-in tokenizer: whitespace-separated tokens and double-quoted strings. */
export function standInTokenize(text: string): RdataToken[] {
  const out: RdataToken[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[2] ?? '', quoted: false });
  }
  return out;
}
