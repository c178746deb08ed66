import { defineType } from '../define.js';
import { argString, argUint, bytesToHex, canonicalHex, expectAtLeast, expectCount, hexToBytes, issue, joinTokens, rangeIssue, stripSpaces, tokUint } from '../fields.js';
import type { RdataIssue } from '../types.js';

/** DS data. */
export interface DsData {
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  /** Lower-case hex. */
  readonly digest: string;
}

/** Digest octets by digest type: 1 SHA-1, 2 SHA-256, 3 GOST R 34.11-94, 4 SHA-384, 5 GOST R 34.11-2012, 6 SM3. */
const DIGEST_LENGTH: Record<number, number> = { 1: 20, 2: 32, 3: 32, 4: 48, 5: 32, 6: 32 };

/** DS: delegation signer (RFC 4034). */
export const DS = defineType<DsData>({
  type: 'DS',
  code: 43,
  fromArgs(args) {
    expectCount(args, 4, 'DS', 'arguments');
    return {
      keyTag: argUint(args[0], 'DS key tag'),
      algorithm: argUint(args[1], 'DS algorithm'),
      digestType: argUint(args[2], 'DS digest type'),
      digest: canonicalHex(stripSpaces(argString(args[3], 'DS digest')), 'DS digest'),
    };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 4, 'DS');
    return {
      keyTag: tokUint(tokens[0], 'DS key tag'),
      algorithm: tokUint(tokens[1], 'DS algorithm'),
      digestType: tokUint(tokens[2], 'DS digest type'),
      digest: canonicalHex(joinTokens(tokens, 3), 'DS digest'),
    };
  },
  format: (d) => `${d.keyTag} ${d.algorithm} ${d.digestType} ${d.digest}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'ds-key-tag-range', 'DS key tag', d.keyTag, 0xffff);
    rangeIssue(out, 'ds-algorithm-range', 'DS algorithm', d.algorithm, 255);
    rangeIssue(out, 'ds-digest-type-range', 'DS digest type', d.digestType, 255);
    if (d.digestType === 0) out.push(issue('ds-digest-type-reserved', 'error', 'DS digest type 0 is reserved'));
    const want = DIGEST_LENGTH[d.digestType];
    if (want === undefined) {
      if (d.digestType > 0 && d.digestType <= 255) out.push(issue('ds-digest-type-unknown', 'warning', `DS digest type ${d.digestType} is not a known one (1, 2, 3, 4, 5, 6)`));
    } else if (d.digest.length !== want * 2) {
      out.push(issue('ds-digest-length', 'error', `a DS digest of type ${d.digestType} is ${want} octets (${want * 2} hex digits), got ${d.digest.length / 2}`));
    }
    return out;
  },
  target: (d) => d.digest,
  dependsOn: () => [],
  toWire(d, w) {
    w.u16(d.keyTag);
    w.u8(d.algorithm);
    w.u8(d.digestType);
    w.bytes(hexToBytes(d.digest, 'DS digest'));
  },
  fromWire: (r, end) => ({ keyTag: r.u16(), algorithm: r.u8(), digestType: r.u8(), digest: bytesToHex(r.bytes(end - r.offset)) }),
});
