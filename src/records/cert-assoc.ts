import { defineType } from './define.js';
import { argString, argUint, bytesToHex, canonicalHex, expectAtLeast, expectCount, hexToBytes, issue, joinTokens, rangeIssue, stripSpaces, tokUint } from './fields.js';
import type { RdataIssue, RecordTypeModule } from './types.js';

/** TLSA / SMIMEA data (the same rdata, RFC 6698 and RFC 8162). */
export interface CertAssocData {
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  /** Lower-case hex. */
  readonly data: string;
}

/** Octets of the association data by matching type (1 SHA-256, 2 SHA-512). */
const DATA_LENGTH: Record<number, number> = { 1: 32, 2: 64 };

/** A module for TLSA-shaped rdata; issue codes start with the lower-case type (`tlsa-usage-range`). */
export function certAssocType(type: string, code: number): RecordTypeModule<CertAssocData> {
  const p = type.toLowerCase();
  return defineType<CertAssocData>({
    type,
    code,
    fromArgs(args) {
      expectCount(args, 4, type, 'arguments');
      return {
        usage: argUint(args[0], `${type} usage`),
        selector: argUint(args[1], `${type} selector`),
        matchingType: argUint(args[2], `${type} matching type`),
        data: canonicalHex(stripSpaces(argString(args[3], `${type} data`)), `${type} data`),
      };
    },
    fromTokens(tokens) {
      expectAtLeast(tokens, 4, type);
      return {
        usage: tokUint(tokens[0], `${type} usage`),
        selector: tokUint(tokens[1], `${type} selector`),
        matchingType: tokUint(tokens[2], `${type} matching type`),
        data: canonicalHex(joinTokens(tokens, 3), `${type} data`),
      };
    },
    format: (d) => `${d.usage} ${d.selector} ${d.matchingType} ${d.data}`,
    check(d) {
      const out: RdataIssue[] = [];
      rangeIssue(out, `${p}-usage-range`, `${type} usage`, d.usage, 3);
      rangeIssue(out, `${p}-selector-range`, `${type} selector`, d.selector, 1);
      rangeIssue(out, `${p}-matching-type-range`, `${type} matching type`, d.matchingType, 2);
      const want = DATA_LENGTH[d.matchingType];
      if (want !== undefined && d.data.length !== want * 2) {
        out.push(issue(`${p}-data-length`, 'error', `${type} matching type ${d.matchingType} data is ${want} octets (${want * 2} hex digits), got ${d.data.length / 2}`));
      }
      return out;
    },
    target: (d) => d.data,
    dependsOn: () => [],
    toWire(d, w) {
      w.u8(d.usage);
      w.u8(d.selector);
      w.u8(d.matchingType);
      w.bytes(hexToBytes(d.data, `${type} data`));
    },
    fromWire: (r, end) => ({ usage: r.u8(), selector: r.u8(), matchingType: r.u8(), data: bytesToHex(r.bytes(end - r.offset)) }),
  });
}
