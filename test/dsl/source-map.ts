// A minimal source-map reader for the tests' own esbuild bundles: maps a generated 1-based
// (line, column) back to the original. The loader has its own; this one only serves the goldens.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Generated segment → original position, per generated line. */
interface Segment {
  col: number;
  line: number;
  origCol: number;
}

/** Parses a source map's `mappings` (single source) into per-line segments. */
export function readSourceMap(json: string): (line: number, column: number) => { line: number; column: number } | undefined {
  const map = JSON.parse(json) as { mappings: string };
  const lines: Segment[][] = [];
  let srcLine = 0;
  let srcCol = 0;
  for (const lineText of map.mappings.split(';')) {
    let genCol = 0;
    const segs: Segment[] = [];
    for (const seg of lineText.split(',')) {
      if (seg === '') continue;
      const v = decodeVlq(seg);
      genCol += v[0] ?? 0;
      if (v.length >= 4) {
        srcLine += v[2] ?? 0;
        srcCol += v[3] ?? 0;
        segs.push({ col: genCol, line: srcLine, origCol: srcCol });
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    const segs = lines[line - 1];
    if (!segs) return undefined;
    let best: Segment | undefined;
    for (const s of segs) if (s.col <= column - 1) best = s;
    return best ? { line: best.line + 1, column: best.origCol + 1 + (column - 1 - best.col) } : undefined;
  };
}
