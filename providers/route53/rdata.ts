/**
 * Rdata between Route 53 values and zonesmith's canonical presentation form. The records registry
 * (src/records/registry.ts) does the work for every type it knows. For types it does not know yet
 * (it is being filled in type by type) a small stand-in below normalises the fields Route 53 can
 * write differently; once the registry knows a type, the stand-in is no longer used for it.
 */
import { canonicalName } from '../../src/records/names.js';
import { canonicalRdata, getRecordType, parseRdata } from '../../src/records/registry.js';
import { quoteBytes } from '../../src/records/text.js';
import { RdataError } from '../../src/records/types.js';
import { txtFromRoute53, txtToRoute53 } from './txt.js';

/**
 * A Route 53 value to canonical rdata. Route 53 takes every name in a value as absolute, with or
 * without the trailing dot (values typed into its console often lack it), so names are resolved
 * against the root: `mail.example.com` and `mail.example.com.` give the same rdata.
 */
export function rdataFromRoute53(type: string, value: string): string {
  if (type === 'TXT' || type === 'SPF') return quoteBytes(txtFromRoute53(value));
  if (getRecordType(type)) return canonicalRdata(type, value, '.');
  return standInCanonical(type, value);
}

/** Canonical rdata to the Route 53 value. TXT is split into 255-octet quoted strings. */
export function rdataToRoute53(type: string, rdata: string): string {
  if (type === 'TXT') {
    const data = parseRdata('TXT', rdata);
    return txtToRoute53(data.bytes);
  }
  return rdata;
}

/** Canonical rdata for a value a config wrote (used by tests and prepareDesired for stand-in types). */
export function canonicalFor(type: string, text: string, origin: string): string {
  if (getRecordType(type)) return canonicalRdata(type, text, origin);
  return standInCanonical(type, text, origin);
}

// Stand-in for types the registry does not know yet. Field layouts from the RFCs: SSHFP (4255),
// TLSA (6698), DS (4034), NAPTR (3403), SVCB/HTTPS (9460).
function standInCanonical(type: string, text: string, origin = '.'): string {
  const f = text.trim().split(/\s+/);
  const need = (n: number): void => {
    if (f.length < n) throw new RdataError('missing-field', `${type} needs at least ${n} fields`);
  };
  switch (type) {
    case 'SSHFP':
      need(3);
      return `${num(f[0])} ${num(f[1])} ${f.slice(2).join('').toLowerCase()}`;
    case 'TLSA':
      need(4);
      return `${num(f[0])} ${num(f[1])} ${num(f[2])} ${f.slice(3).join('').toLowerCase()}`;
    case 'DS':
      need(4);
      return `${num(f[0])} ${num(f[1])} ${num(f[2])} ${f.slice(3).join('').toLowerCase()}`;
    case 'NAPTR': {
      need(6);
      const last = f[f.length - 1]!;
      return `${text.trim().slice(0, text.trim().length - last.length).trim().replace(/^(\d+)\s+(\d+)/, (_m, a: string, b: string) => `${num(a)} ${num(b)}`)} ${canonicalName(last, origin)}`;
    }
    case 'HTTPS':
    case 'SVCB':
      need(2);
      return [num(f[0]), canonicalName(f[1]!, origin), ...f.slice(2)].join(' ');
    default:
      throw new RdataError('unknown-record-type', `"${type}" is not a record type zonesmith knows`);
  }
}

function num(s: string | undefined): number {
  if (s === undefined || !/^[0-9]+$/.test(s)) throw new RdataError('invalid-number', `"${s ?? ''}" is not a number`);
  return Number(s);
}
