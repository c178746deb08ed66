import { defineType } from '../define.js';
import { argString, argUint, bytesToHex, canonicalHex, expectAtLeast, expectCount, hexToBytes, issue, joinTokens, rangeIssue, stripSpaces, tokUint } from '../fields.js';
import type { RdataIssue } from '../types.js';

/** SSHFP data. */
export interface SshfpData {
  readonly algorithm: number;
  readonly fpType: number;
  /** Lower-case hex. */
  readonly fingerprint: string;
}

/** Known algorithms (RFC 4255, 6594, 7479, 8709). */
const ALGORITHMS: Record<number, string> = { 1: 'RSA', 2: 'DSA', 3: 'ECDSA', 4: 'Ed25519', 6: 'Ed448' };
/** Fingerprint octets by type (1 SHA-1, 2 SHA-256). */
const FP_LENGTH: Record<number, number> = { 1: 20, 2: 32 };

/** SSHFP: SSH host key fingerprint (RFC 4255). */
export const SSHFP = defineType<SshfpData>({
  type: 'SSHFP',
  code: 44,
  fromArgs(args) {
    expectCount(args, 3, 'SSHFP', 'arguments');
    return {
      algorithm: argUint(args[0], 'SSHFP algorithm'),
      fpType: argUint(args[1], 'SSHFP fingerprint type'),
      fingerprint: canonicalHex(stripSpaces(argString(args[2], 'SSHFP fingerprint')), 'SSHFP fingerprint'),
    };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 3, 'SSHFP');
    return {
      algorithm: tokUint(tokens[0], 'SSHFP algorithm'),
      fpType: tokUint(tokens[1], 'SSHFP fingerprint type'),
      fingerprint: canonicalHex(joinTokens(tokens, 2), 'SSHFP fingerprint'),
    };
  },
  format: (d) => `${d.algorithm} ${d.fpType} ${d.fingerprint}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'sshfp-algorithm-range', 'SSHFP algorithm', d.algorithm, 255);
    rangeIssue(out, 'sshfp-fptype-range', 'SSHFP fingerprint type', d.fpType, 255);
    if (d.algorithm <= 255 && !ALGORITHMS[d.algorithm]) {
      out.push(issue('sshfp-algorithm-unknown', 'warning', `SSHFP algorithm ${d.algorithm} is not one of 1 (RSA), 2 (DSA), 3 (ECDSA), 4 (Ed25519), 6 (Ed448)`));
    }
    const want = FP_LENGTH[d.fpType];
    if (want === undefined) {
      if (d.fpType <= 255) out.push(issue('sshfp-fptype-unknown', 'warning', `SSHFP fingerprint type ${d.fpType} is not 1 (SHA-1) or 2 (SHA-256)`));
    } else if (d.fingerprint.length !== want * 2) {
      out.push(issue('sshfp-fingerprint-length', 'error', `an SSHFP type ${d.fpType} fingerprint is ${want} octets (${want * 2} hex digits), got ${d.fingerprint.length / 2}`));
    }
    return out;
  },
  target: (d) => d.fingerprint,
  dependsOn: () => [],
  toWire(d, w) {
    w.u8(d.algorithm);
    w.u8(d.fpType);
    w.bytes(hexToBytes(d.fingerprint, 'SSHFP fingerprint'));
  },
  fromWire: (r, end) => ({ algorithm: r.u8(), fpType: r.u8(), fingerprint: bytesToHex(r.bytes(end - r.offset)) }),
});
