import type { SourcePos } from '../../src/ir/source.js';

/**
 * Turns byte offsets into `file:line:column` only when a diagnostic needs one: the line index is
 * built on first use, so a clean read never pays for it. Columns count characters (UTF-8
 * continuation bytes are skipped), 1-based. One map covers one buffer of a file.
 */
export class PositionMap {
  private lineStarts: Int32Array | undefined;

  constructor(
    private readonly buf: Uint8Array,
    /** The file name diagnostics show. */
    readonly file: string,
    /** Lines of the file before this buffer (when a file is read in pieces). */
    private readonly lineBase = 0,
  ) {}

  /** The position of a byte offset. */
  at(offset: number): SourcePos {
    const starts = this.index();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = 1;
    for (let p = starts[lo]!; p < offset && p < this.buf.length; p++) {
      if ((this.buf[p]! & 0xc0) !== 0x80) column++;
    }
    return { file: this.file, line: this.lineBase + lo + 1, column };
  }

  private index(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const buf = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    const found: number[] = [0];
    for (let p = buf.indexOf(0x0a); p >= 0; p = buf.indexOf(0x0a, p + 1)) found.push(p + 1);
    this.lineStarts = Int32Array.from(found);
    return this.lineStarts;
  }
}
