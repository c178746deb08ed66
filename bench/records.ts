/**
 * Micro-benchmark of the records layer's hot path: 1,000,000 mixed records (A 40%, AAAA 15%,
 * CNAME 15%, MX 10%, TXT 15%, NS 5%) from presentation tokens to canonical rdata, the work the
 * zone-file reader hands over per record. Also times text → tokens → canonical and canonical →
 * wire → canonical. Run: node --import tsx bench/records.ts
 */
import { canonicalFromTokens, canonicalRdata, rdataFromWire, rdataToWire, typeCode } from '../src/records/registry.js';
import { tokenizeRdata } from '../src/records/text.js';
import type { RdataToken } from '../src/records/types.js';

const N = Number(process.env.N ?? 1_000_000);

function makeInput(i: number): [string, string] {
  const k = i % 20;
  if (k < 8) return ['A', `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`];
  if (k < 11) return ['AAAA', `2001:DB8:0:${(i & 0xffff).toString(16)}::${(i % 7) + 1}`];
  if (k < 14) return ['CNAME', k === 11 ? `host${i}` : `Host${i}.Example.COM.`];
  if (k < 16) return ['MX', `${i % 50} mx${i % 9}.example.com.`];
  if (k < 19) return ['TXT', k === 18 ? `"v=spf1 include:_spf.example.com ~all" "part two ${i}"` : `"google-site-verification=${i.toString(36)}abcdefghijklmnop"`];
  return ['NS', `ns${i % 4}.example.net.`];
}

const types: string[] = new Array(N);
const texts: string[] = new Array(N);
for (let i = 0; i < N; i++) [types[i], texts[i]] = makeInput(i) as [string, string];
// A pool of pre-tokenized inputs, cycled, so the token-path figure is not dominated by the GC of
// a million retained token arrays (the zone-file reader tokenizes and drops them per record).
const POOL = 50_000;
const pool = Array.from({ length: POOL }, (_, i) => tokenizeRdata(texts[i] as string));

/** Times `fn(count)` after a warm-up on 50,000 records, so the JIT is warm but the heap is not full of a previous pass's garbage. */
function time(label: string, count: number, fn: (n: number) => number): void {
  fn(Math.min(count, 50_000));
  const t0 = process.hrtime.bigint();
  const n = fn(count);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1e6) / n).toFixed(0).padStart(5)} ns/record  (${n} records)`);
}

let sink = 0;
const out: string[] = new Array(N);
time('text -> tokens -> canonical, results kept', N, (n) => {
  for (let i = 0; i < n; i++) out[i] = canonicalRdata(types[i] as string, texts[i] as string, 'example.com');
  return n;
});
time('tokens -> canonical (canonicalFromTokens)', N, (n) => {
  for (let i = 0; i < n; i++) sink += canonicalFromTokens(types[i] as string, pool[i % POOL] as RdataToken[], 'example.com').length;
  return n;
});
time('canonical -> wire -> canonical', Math.min(N, 200_000), (n) => {
  for (let i = 0; i < n; i++) {
    const t = types[i] as string;
    const w = rdataToWire(t, out[i] as string);
    sink += rdataFromWire(typeCode(t) as number, w, 0, w.length).rdata.length;
  }
  return n;
});
if (sink === 0) console.log('unreachable');
