/**
 * Rdata between Route 53 values and zonesmith's canonical presentation form, through the records
 * registry (src/records/registry.ts); TXT takes Route 53's own quoting (txt.ts).
 */
import { canonicalRdata, parseRdata } from '../../src/records/registry.js';
import { quoteBytes } from '../../src/records/text.js';
import { txtFromRoute53, txtToRoute53 } from './txt.js';

/**
 * A Route 53 value to canonical rdata. Route 53 takes every name in a value as absolute, with or
 * without the trailing dot (values typed into its console often lack it), so names are resolved
 * against the root: `mail.example.com` and `mail.example.com.` give the same rdata.
 */
export function rdataFromRoute53(type: string, value: string): string {
  if (type === 'TXT' || type === 'SPF') return quoteBytes(txtFromRoute53(value));
  return canonicalRdata(type, value, '.');
}

/** Canonical rdata to the Route 53 value. TXT is split into 255-octet quoted strings. */
export function rdataToRoute53(type: string, rdata: string): string {
  if (type === 'TXT') {
    const data = parseRdata('TXT', rdata);
    return txtToRoute53(data.bytes);
  }
  return rdata;
}
