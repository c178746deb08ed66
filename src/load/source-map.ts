/**
 * A small source-map v3 reader: decodes the VLQ `mappings` once into flat typed arrays, then answers
 * lookups by binary search within the generated line. A config with 100,000 records maps 100,000
 * positions, so the lookup allocates nothing but its result.
 */

/** An original position: `source` indexes the map's `sources`; line 1-based, column 0-based. */
export interface OriginalPosition {
  readonly source: number;
  readonly line: number;
  readonly column: number;
}

/** The fields of a source map this reader needs. */
export interface RawSourceMap {
  readonly sources: readonly string[];
  readonly mappings: string;
}

const BASE64 = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  BASE64[c.charCodeAt(0)] = i;
});

// One segment is four ints: generated column, source index (-1 when the segment has none),
// original line (0-based), original column.
const FIELDS = 4;

/** A decoded source map. */
export class SourceMapIndex {
  /** The map's `sources`, as written in it. */
  readonly sources: readonly string[];
  private readonly segments: Int32Array;
  /** Segment index where each generated line starts; one extra entry closes the last line. */
  private readonly lineStarts: Int32Array;

  private constructor(sources: readonly string[], segments: Int32Array, lineStarts: Int32Array) {
    this.sources = sources;
    this.segments = segments;
    this.lineStarts = lineStarts;
  }

  /** Decodes a map; throws on malformed VLQ (a bug in the bundler, not user input). */
  static decode(map: RawSourceMap): SourceMapIndex {
    const text = map.mappings;
    let segs = new Int32Array(Math.max(64, text.length));
    let count = 0;
    const starts: number[] = [0];
    let genCol = 0;
    let src = 0;
    let line = 0;
    let col = 0;
    let field = 0;
    const values = [0, 0, 0, 0, 0];
    let value = 0;
    let shift = 0;
    const flush = (): void => {
      if (field === 0) return;
      if ((count + 1) * FIELDS > segs.length) {
        const bigger = new Int32Array(segs.length * 2);
        bigger.set(segs);
        segs = bigger;
      }
      genCol += values[0] ?? 0;
      const o = count * FIELDS;
      segs[o] = genCol;
      if (field >= 4) {
        src += values[1] ?? 0;
        line += values[2] ?? 0;
        col += values[3] ?? 0;
        segs[o + 1] = src;
        segs[o + 2] = line;
        segs[o + 3] = col;
      } else {
        segs[o + 1] = -1;
      }
      count++;
      field = 0;
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 59 /* ; */) {
        flush();
        starts.push(count);
        genCol = 0;
        continue;
      }
      if (ch === 44 /* , */) {
        flush();
        continue;
      }
      const digit = ch < 128 ? (BASE64[ch] ?? -1) : -1;
      if (digit < 0) throw new Error(`source map: invalid character ${JSON.stringify(text[i])} in mappings`);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      const decoded = value & 1 ? -(value >>> 1) : value >>> 1;
      if (field < 5) values[field] = decoded;
      field++;
      value = 0;
      shift = 0;
    }
    flush();
    starts.push(count);
    return new SourceMapIndex(map.sources, segs.subarray(0, count * FIELDS), Int32Array.from(starts));
  }

  /** Number of generated lines the map covers. */
  get lineCount(): number {
    return this.lineStarts.length - 1;
  }

  /**
   * The original position of generated `line` (1-based) and `column` (0-based): the closest mapped
   * segment at or before the column on that line (or the line's first one when the column comes
   * before every segment). Undefined when the line has no mapped segment.
   */
  lookup(line: number, column: number): OriginalPosition | undefined {
    const from = this.lineStarts[line - 1];
    const to = this.lineStarts[line];
    if (from === undefined || to === undefined || from >= to) return undefined;
    const segs = this.segments;
    let lo = from;
    let hi = to - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((segs[mid * FIELDS] ?? 0) <= column) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Before every segment: the line's first segment is the nearest thing written there.
    if (found < 0) found = from;
    for (let i = found; i >= from; i--) {
      if (this.take(i)) return this.at(i);
    }
    for (let i = found + 1; i < to; i++) {
      if (this.take(i)) return this.at(i);
    }
    return undefined;
  }

  private take(i: number): boolean {
    return (this.segments[i * FIELDS + 1] ?? -1) >= 0;
  }

  private at(i: number): OriginalPosition {
    const o = i * FIELDS;
    const s = this.segments;
    return { source: s[o + 1] ?? 0, line: (s[o + 2] ?? 0) + 1, column: s[o + 3] ?? 0 };
  }
}
