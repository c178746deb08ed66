/** A position in the user's config, after mapping back through the bundle's source map. */
export interface SourcePos {
  /** Path as the user would type it, relative to the working directory where possible. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** Formats a position the way compilers do (`dnsconfig.ts:14:5`), so editors and CI make it a link. */
export function formatSource(pos: SourcePos | undefined): string {
  return pos ? `${pos.file}:${pos.line}:${pos.column}` : '';
}
