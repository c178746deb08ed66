import { DslError, show } from './errors.js';
import { registerCallable } from './modifier.js';
import { utf8Bytes } from './utf8.js';

// FIPS 180-4 digests written out because the isolate has no crypto module. Only short strings
// are hashed (DNSControl's HASH is for names and tokens), so clarity beats speed here.

function pad(bytes: number[], blockBytes: number, lengthBytes: number): number[] {
  const out = [...bytes, 0x80];
  while ((out.length + lengthBytes) % blockBytes !== 0) out.push(0);
  const bitLen = BigInt(bytes.length) * 8n;
  for (let i = lengthBytes - 1; i >= 0; i--) out.push(Number((bitLen >> BigInt(i * 8)) & 0xffn));
  return out;
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
const hex32 = (words: readonly number[]): string => words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

function words32(block: readonly number[], at: number, n: number): number[] {
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = at + i * 4;
    w.push((((block[o] as number) << 24) | ((block[o + 1] as number) << 16) | ((block[o + 2] as number) << 8) | (block[o + 3] as number)) >>> 0);
  }
  return w;
}

function sha1(bytes: number[]): string {
  const m = pad(bytes, 64, 8);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let at = 0; at < m.length; at += 64) {
    const w = words32(m, at, 16);
    for (let t = 16; t < 80; t++) w.push(rotr((w[t - 3] as number) ^ (w[t - 8] as number) ^ (w[t - 14] as number) ^ (w[t - 16] as number), 31));
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const tmp = (rotr(a, 27) + f + e + k + (w[t] as number)) >>> 0;
      e = d;
      d = c;
      c = rotr(b, 2);
      b = a;
      a = tmp;
    }
    [a, b, c, d, e].forEach((v, i) => (h[i] = ((h[i] as number) + v) >>> 0));
  }
  return hex32(h);
}

const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

function sha256(bytes: number[]): string {
  const m = pad(bytes, 64, 8);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  for (let at = 0; at < m.length; at += 64) {
    const w = words32(m, at, 16);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] as number;
      const y = w[t - 2] as number;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w.push(((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0);
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K256[t] as number) + (w[t] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = ((h[i] as number) + v) >>> 0));
  }
  return hex32(h);
}

const M64 = (1n << 64n) - 1n;
const rotr64 = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & M64;

// The SHA-512 constants are the first 64 bits of the fractional parts of the cube roots of the
// first 80 primes; computed once with BigInt rather than pasted in.
function fracRootBits(p: number, root: 2 | 3): bigint {
  // Integer root of p·2^(64·root) by Newton's method, keeping the low 64 bits (the fraction).
  const n = BigInt(p) << BigInt(64 * root);
  let x = BigInt(Math.floor(Math.pow(p, 1 / root))) << 64n;
  for (let i = 0; i < 200; i++) {
    const next = root === 2 ? (x + n / x) / 2n : (2n * x + n / (x * x)) / 3n;
    if (next === x || next === x + 1n || next + 1n === x) {
      x = next;
      break;
    }
    x = next;
  }
  while (root === 2 ? x * x > n : x * x * x > n) x -= 1n;
  while (root === 2 ? (x + 1n) * (x + 1n) <= n : (x + 1n) * (x + 1n) * (x + 1n) <= n) x += 1n;
  return x & M64;
}

function primes(count: number): number[] {
  const out: number[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
}

let k512: bigint[] | undefined;
let h512: bigint[] | undefined;

function sha512(bytes: number[]): string {
  k512 ??= primes(80).map((p) => fracRootBits(p, 3));
  h512 ??= primes(8).map((p) => fracRootBits(p, 2));
  const m = pad(bytes, 128, 16);
  const h = [...h512];
  for (let at = 0; at < m.length; at += 128) {
    const w: bigint[] = [];
    for (let i = 0; i < 16; i++) {
      let v = 0n;
      for (let j = 0; j < 8; j++) v = (v << 8n) | BigInt(m[at + i * 8 + j] as number);
      w.push(v);
    }
    for (let t = 16; t < 80; t++) {
      const x = w[t - 15] as bigint;
      const y = w[t - 2] as bigint;
      const s0 = rotr64(x, 1n) ^ rotr64(x, 8n) ^ (x >> 7n);
      const s1 = rotr64(y, 19n) ^ rotr64(y, 61n) ^ (y >> 6n);
      w.push(((w[t - 16] as bigint) + s0 + (w[t - 7] as bigint) + s1) & M64);
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let t = 0; t < 80; t++) {
      const t1 = (hh + (rotr64(e, 14n) ^ rotr64(e, 18n) ^ rotr64(e, 41n)) + ((e & f) ^ (~e & M64 & g)) + (k512[t] as bigint) + (w[t] as bigint)) & M64;
      const t2 = ((rotr64(a, 28n) ^ rotr64(a, 34n) ^ rotr64(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & M64;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & M64;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & M64;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = ((h[i] as bigint) + v) & M64));
  }
  return h.map((v) => v.toString(16).padStart(16, '0')).join('');
}

/** `HASH("SHA256", "text")`: hex digest of the UTF-8 text; algorithms SHA1, SHA256, SHA512 (as DNSControl). */
export const HASH = registerCallable('HASH', function HASH(algorithm: 'SHA1' | 'SHA256' | 'SHA512', text: string): string {
  if (typeof text !== 'string') throw new DslError('dsl-bad-argument', `HASH: the text must be a string, not ${show(text)}`);
  const bytes = utf8Bytes(text);
  switch (algorithm) {
    case 'SHA1':
      return sha1(bytes);
    case 'SHA256':
      return sha256(bytes);
    case 'SHA512':
      return sha512(bytes);
    default:
      throw new DslError('dsl-bad-argument', `HASH: the algorithm must be SHA1, SHA256 or SHA512, not ${show(algorithm)}`);
  }
});
