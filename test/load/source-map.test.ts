import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SourceMapIndex } from '../../src/load/source-map.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** An independent VLQ encoder (the spec's algorithm), to round-trip the decoder against. */
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

interface Seg { gen: number; src: number; line: number; col: number }

function encode(lines: Seg[][]): string {
  let src = 0;
  let line = 0;
  let col = 0;
  return lines
    .map((segs) => {
      let gen = 0;
      return segs
        .map((s) => {
          const out = vlq(s.gen - gen) + vlq(s.src - src) + vlq(s.line - line) + vlq(s.col - col);
          gen = s.gen;
          src = s.src;
          line = s.line;
          col = s.col;
          return out;
        })
        .join(',');
    })
    .join(';');
}

describe('SourceMapIndex', () => {
  it('decodes a hand-written map and finds the closest segment at or before a column', () => {
    const map = SourceMapIndex.decode({ sources: ['a.ts'], mappings: 'AAAA,IAAI;AACA;;EAAE' });
    expect(map.lineCount).toBe(4);
    expect(map.lookup(1, 0)).toEqual({ source: 0, line: 1, column: 0 });
    expect(map.lookup(1, 3)).toEqual({ source: 0, line: 1, column: 0 });
    expect(map.lookup(1, 5)).toEqual({ source: 0, line: 1, column: 4 });
    expect(map.lookup(2, 99)).toEqual({ source: 0, line: 2, column: 4 });
    expect(map.lookup(3, 0)).toBeUndefined();
    // Before the line's first segment: that segment.
    expect(map.lookup(4, 0)).toEqual({ source: 0, line: 2, column: 6 });
    expect(map.lookup(5, 0)).toBeUndefined();
    expect(map.lookup(0, 0)).toBeUndefined();
  });

  it('skips segments without a source', () => {
    // Line 1: a mapped segment at column 0, an unmapped one (one field) at column 10.
    const map = SourceMapIndex.decode({ sources: ['a.ts'], mappings: 'AACE,U' });
    expect(map.lookup(1, 12)).toEqual({ source: 0, line: 2, column: 2 });
    const unmappedOnly = SourceMapIndex.decode({ sources: [], mappings: 'A,C' });
    expect(unmappedOnly.lookup(1, 0)).toBeUndefined();
  });

  it('round-trips random segments, including large and negative deltas', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const lines: Seg[][] = [];
    for (let l = 0; l < 300; l++) {
      const segs: Seg[] = [];
      let gen = rand(5);
      for (let k = rand(8); k > 0; k--) {
        segs.push({ gen, src: rand(4), line: rand(100_000), col: rand(5_000) });
        gen += 1 + rand(3_000);
      }
      lines.push(segs);
    }
    const map = SourceMapIndex.decode({ sources: ['a', 'b', 'c', 'd'], mappings: encode(lines) });
    lines.forEach((segs, l) => {
      for (const s of segs) {
        expect(map.lookup(l + 1, s.gen)).toEqual({ source: s.src, line: s.line + 1, column: s.col });
      }
    });
  });

  it('rejects a malformed mapping', () => {
    expect(() => SourceMapIndex.decode({ sources: [], mappings: 'AA!A' })).toThrow(/invalid character/);
  });

  it('maps identifiers of an esbuild bundle back to where they were written', async () => {
    const source = ['const first = 1;', 'function second(x: number): number {', '  return x + first;', '}', 'globalThis.third = second(2);', ''].join('\n');
    const out = await esbuild.build({
      stdin: { contents: source, loader: 'ts', sourcefile: 'in.ts' },
      bundle: true,
      write: false,
      format: 'iife',
      outfile: 'out.js',
      sourcemap: 'external',
      logLevel: 'silent',
    });
    const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const mapText = out.outputFiles.find((f) => f.path.endsWith('.map'))?.text ?? '{}';
    const map = SourceMapIndex.decode(JSON.parse(mapText) as { sources: string[]; mappings: string });
    const jsLines = js.split('\n');
    const srcLines = source.split('\n');
    for (const name of ['first', 'second', 'third']) {
      const line = jsLines.findIndex((l) => new RegExp(`\\b${name}\\b`).test(l));
      const col = (jsLines[line] ?? '').search(new RegExp(`\\b${name}\\b`));
      const hit = map.lookup(line + 1, col);
      const want = srcLines.findIndex((l) => new RegExp(`\\b${name}\\b`).test(l));
      expect(hit).toEqual({ source: 0, line: want + 1, column: (srcLines[want] ?? '').search(new RegExp(`\\b${name}\\b`)) });
    }
  });

  it('answers 100,000 lookups from a map of 100,000 lines', () => {
    const lines: Seg[][] = [];
    for (let l = 0; l < 100_000; l++) lines.push([{ gen: 2, src: 0, line: l, col: 2 }, { gen: 9, src: 0, line: l, col: 20 }]);
    const map = SourceMapIndex.decode({ sources: ['a'], mappings: encode(lines) });
    let sum = 0;
    for (let l = 1; l <= 100_000; l++) sum += map.lookup(l, 10)?.column ?? 0;
    expect(sum).toBe(100_000 * 20);
  });
});
