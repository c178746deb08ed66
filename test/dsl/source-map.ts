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
  source: number;
  line: number;
  origCol: number;
}

/**
 * Parses a source map's `mappings` and returns a lookup for positions in the source whose name
 * ends with `sourceSuffix` (the bundle also maps the virtual "zonesmith" module). Like source-map
 * consumers' greatest-lower-bound bias: the segment at or before the column, no offset added.
 */
export function readSourceMap(json: string, sourceSuffix: string): (line: number, column: number) => { line: number; column: number } | undefined {
  const map = JSON.parse(json) as { mappings: string; sources: string[] };
  const wanted = map.sources.findIndex((s) => s.endsWith(sourceSuffix));
  const lines: Segment[][] = [];
  let source = 0;
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
        source += v[1] ?? 0;
        srcLine += v[2] ?? 0;
        srcCol += v[3] ?? 0;
        segs.push({ col: genCol, source, line: srcLine, origCol: srcCol });
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    const segs = lines[line - 1];
    if (!segs) return undefined;
    let best: Segment | undefined;
    for (const s of segs) if (s.col <= column - 1) best = s;
    return best && best.source === wanted ? { line: best.line + 1, column: best.origCol + 1 } : undefined;
  };
}
