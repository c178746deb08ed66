import { RdataError, type RdataToken, type RecordTypeModule } from '../../src/records/types.js';
import { canonicalName, NameError } from './zonefile-names.js';

/**
 * STAND-IN until src/records/registry.ts lands: the smallest rdata handling the reader needs to run
 * (names made absolute, numbers checked, TXT joined into one quoted string). The real modules replace
 * it in record-types.ts; nothing else imports this file.
 */

type Field = 'name' | 'u8' | 'u16' | 'u32' | 'ipv4' | 'ipv6' | 'strings' | 'string' | 'word' | 'rest';

const SCHEMAS: Record<string, Field[]> = {
  A: ['ipv4'], AAAA: ['ipv6'], NS: ['name'], CNAME: ['name'], PTR: ['name'], DNAME: ['name'],
  ALIAS: ['name'], MX: ['u16', 'name'], SRV: ['u16', 'u16', 'u16', 'name'], TXT: ['strings'],
  CAA: ['u8', 'word', 'string'], SOA: ['name', 'name', 'u32', 'u32', 'u32', 'u32', 'u32'],
  RP: ['name', 'name'], NAPTR: ['u16', 'u16', 'string', 'string', 'string', 'name'],
  SSHFP: ['u8', 'u8', 'rest'], TLSA: ['u8', 'u8', 'u8', 'rest'], SMIMEA: ['u8', 'u8', 'u8', 'rest'],
  DS: ['u16', 'u8', 'u8', 'rest'], DNSKEY: ['u16', 'u8', 'u8', 'rest'], OPENPGPKEY: ['rest'],
  DHCID: ['rest'], LOC: ['rest'], HTTPS: ['u16', 'name', 'rest'], SVCB: ['u16', 'name', 'rest'],
};

function quote(text: string): string {
  return `"${text}"`;
}

function fieldText(kind: Field, tokens: readonly RdataToken[], i: number, origin: string): [string, number] {
  const t = tokens[i];
  if (kind === 'rest') return [tokens.slice(i).map((x) => (x.quoted ? quote(x.text) : x.text)).join(' '), tokens.length];
  if (kind === 'strings') {
    if (t === undefined) throw new RdataError('missing-field', 'TXT needs at least one string');
    return [quote(tokens.slice(i).map((x) => x.text).join('')), tokens.length];
  }
  if (t === undefined) throw new RdataError('missing-field', `a ${kind} field is missing`);
  switch (kind) {
    case 'name':
      try {
        const n = canonicalName(t.text, origin.replace(/\.$/, ''));
        return [n === '' ? '.' : `${n}.`, i + 1];
      } catch (e) {
        if (e instanceof NameError) throw new RdataError(e.code, e.message);
        throw e;
      }
    case 'u8':
    case 'u16':
    case 'u32': {
      const max = kind === 'u8' ? 255 : kind === 'u16' ? 65535 : 0xffffffff;
      if (!/^[0-9]+$/.test(t.text) || Number(t.text) > max) throw new RdataError('bad-number', `'${t.text}' is not a number from 0 to ${max}`);
      return [String(Number(t.text)), i + 1];
    }
    case 'ipv4': {
      const parts = t.text.split('.');
      if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) {
        throw new RdataError('bad-ipv4', `'${t.text}' is not a dotted quad`);
      }
      return [parts.map(Number).join('.'), i + 1];
    }
    case 'ipv6':
      if (!/^[0-9a-fA-F:.]+$/.test(t.text) || !t.text.includes(':')) throw new RdataError('bad-ipv6', `'${t.text}' is not an IPv6 address`);
      return [t.text.toLowerCase(), i + 1];
    case 'string':
      return [quote(t.text), i + 1];
    case 'word':
      return [t.text.toLowerCase(), i + 1];
  }
}

/** A stand-in module for one of the DSL's types; undefined for types it does not know. */
export function standInModule(type: string): RecordTypeModule<string> | undefined {
  const schema = SCHEMAS[type];
  if (!schema) return undefined;
  const fromTokens = (tokens: readonly RdataToken[], origin: string): string => {
    const out: string[] = [];
    let i = 0;
    for (const kind of schema) {
      const [text, nextI] = fieldText(kind, tokens, i, origin);
      if (text !== '') out.push(text);
      i = nextI;
    }
    if (i < tokens.length) throw new RdataError('extra-tokens', `${type} has ${tokens.length - i} token(s) too many`);
    return out.join(' ');
  };
  const unsupported = (): never => {
    throw new RdataError('stand-in', 'wire format is not available in the stand-in');
  };
  return {
    type,
    code: undefined,
    fromArgs: unsupported,
    fromTokens,
    format: (d) => d,
    check: () => [],
    target: (d) => d,
    dependsOn: () => [],
    toWire: unsupported,
    fromWire: unsupported,
  };
}
