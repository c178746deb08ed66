import { readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import type { DnsRecord } from '../../src/records/types.js';
import { handleDirective } from './zonefile-directives.js';
import { ZoneLexer } from './zonefile-lexer.js';
import { ZonesmithError } from '../../src/errors.js';
import { absoluteName, canonicalName, nameProblem } from './zonefile-names.js';
import { PositionMap } from './zonefile-positions.js';
import { RecordParser } from './zonefile-records.js';
import { RecordStore } from './zonefile-rrsets.js';

/** How to read a zone file. */
export interface ReadZoneOptions {
  /** The zone's name (the initial `$ORIGIN`, also what "out of zone" means); null when unknown. */
  readonly origin: string | null;
  /** The file name diagnostics show; `$INCLUDE` paths are relative to its directory. */
  readonly file: string;
  /** false makes `$INCLUDE` an error (for text that did not come from a trusted directory). Default true. */
  readonly allowInclude?: boolean;
  /** Reads an included file (default: the file system). */
  readonly readInclude?: (path: string) => Uint8Array;
  /** Stop after this many errors (default 100). */
  readonly maxErrors?: number;
  /** readZoneFile reads the file in pieces of this many bytes (default 64 MiB). */
  readonly pieceSize?: number;
}

/** The records a zone file holds, and every problem found on the way. */
export interface ZoneReadResult {
  /** Canonical records in file order (duplicates dropped, RRset TTLs unified as BIND does). */
  readonly records: DnsRecord[];
  readonly diagnostics: Diagnostic[];
  /** False when any diagnostic is an error: the records are then incomplete. */
  readonly ok: boolean;
}

/** One file being read: its lexer, positions and the directive state RFC 1035 scopes to a file. */
export interface FileContext {
  /** The lexer and positions of the piece of the file being read. */
  lexer: ZoneLexer;
  positions: PositionMap;
  readonly depth: number;
  /** Canonical origin (no trailing dot, '' for the root), null when unknown. */
  origin: string | null;
  /** The origin as record modules take it (absolute, trailing dot). */
  originFqdn: string;
  /** The last owner name, used by entries that start with a blank. */
  owner: string | null;
}

/** Cap per diagnostic code, so a million bad lines cannot fill memory with messages. */
const MAX_PER_CODE = 100;

/** Reads one zone (with its includes); holds state that spans files ($TTL, the record store). */
export class ZoneReader {
  readonly store = new RecordStore();
  readonly diagnostics: Diagnostic[] = [];
  readonly zone: string | null;
  readonly records: RecordParser;
  /** `$TTL`, or the SOA minimum when the SOA had no TTL; -1 when unset. */
  defaultTtl = -1;
  /** The last explicit TTL (RFC 1035 semantics when there is no `$TTL`); -1 when none yet. */
  lastTtl = -1;
  private errors = 0;
  private readonly perCode = new Map<string, number>();

  constructor(readonly options: ReadZoneOptions) {
    this.zone = options.origin === null ? null : canonicalOrigin(options.origin);
    this.records = new RecordParser(this);
  }

  /** True once maxErrors errors were reported; reading stops. */
  get stopped(): boolean {
    return this.errors >= (this.options.maxErrors ?? 100);
  }

  /** Reads one file's bytes under the given origin and owner. */
  readBuffer(buf: Buffer, file: string, origin: string | null, owner: string | null, depth: number): void {
    new FileFeed(this, file, origin, owner, depth).push(buf, true);
  }

  /** Reads the entries of one piece of a file (see FileFeed). */
  readEntries(ctx: FileContext): void {
    const lx = ctx.lexer;
    while (!this.stopped && lx.next()) {
      if (lx.error !== null) {
        this.report(ctx, lx.error.offset, 'error', lx.error.code, lx.error.message);
        continue;
      }
      if (!lx.ownerOmitted && !lx.quoted(0) && lx.byteAt(0, 0) === 0x24) handleDirective(this, ctx);
      else this.records.parse(ctx, lx, -1);
    }
  }

  /** Records a diagnostic at a byte offset of the file being read. */
  report(ctx: FileContext, offset: number, severity: 'error' | 'warning', code: string, message: string): void {
    if (severity === 'error') this.errors++;
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen > MAX_PER_CODE) return;
    const d: Diagnostic = { code, severity, message, source: ctx.positions.at(offset) };
    this.diagnostics.push(this.zone === null ? d : { ...d, domain: this.zone });
  }

  /** The result, with a note for each code whose diagnostics were capped. */
  result(): ZoneReadResult {
    for (const [code, n] of this.perCode) {
      if (n > MAX_PER_CODE) {
        this.diagnostics.push({ code, severity: 'info', message: `${n - MAX_PER_CODE} more '${code}' diagnostics not shown` });
      }
    }
    return { records: this.store.records, diagnostics: this.diagnostics, ok: this.errors === 0 };
  }
}

/**
 * Feeds one file to a reader piece by piece, so a large file's text is never all in memory. An
 * entry a piece cannot finish (the piece ends inside it) is carried over to the next piece;
 * line numbers go on counting across pieces.
 */
export class FileFeed {
  private carry: Buffer | undefined;
  private lineBase = 0;
  private ctx: FileContext | undefined;

  constructor(
    private readonly reader: ZoneReader,
    private readonly file: string,
    private readonly origin: string | null,
    private readonly owner: string | null,
    private readonly depth: number,
  ) {}

  /** Reads what it can of the next piece; `final` marks the end of the file. */
  push(piece: Buffer, final: boolean): void {
    if (this.reader.stopped) return;
    const buf = this.carry !== undefined && this.carry.length > 0 ? Buffer.concat([this.carry, piece]) : piece;
    const lexer = new ZoneLexer(buf, final);
    const positions = new PositionMap(buf, this.file, this.lineBase);
    if (this.ctx === undefined) {
      const o = this.origin;
      this.ctx = { lexer, positions, depth: this.depth, origin: o, originFqdn: o === null ? '.' : absoluteName(o), owner: this.owner };
    } else {
      this.ctx.lexer = lexer;
      this.ctx.positions = positions;
    }
    this.reader.readEntries(this.ctx);
    if (final) return;
    const resume = lexer.resumeAt < 0 ? buf.length : lexer.resumeAt;
    this.carry = Buffer.from(buf.subarray(resume));
    for (let p = buf.indexOf(0x0a); p >= 0 && p < resume; p = buf.indexOf(0x0a, p + 1)) this.lineBase++;
  }
}

/** Canonical form of a zone/origin name given by a caller (`example.com`, `example.com.`, `.`). */
export function canonicalOrigin(name: string): string {
  if (name === '.' || name === '') return '';
  try {
    return canonicalName(name.endsWith('.') ? name : `${name}.`, null);
  } catch (e) {
    const p = nameProblem(e);
    if (!p) throw e;
    throw new ZonesmithError('bind-bad-zone-name', `bad zone name '${name}': ${p.message}`);
  }
}

/**
 * Reads zone-file text or bytes. Never throws for bad content: problems come back as diagnostics
 * with file:line:column and stable codes (see docs/providers/bind.md).
 */
export function readZone(data: string | Uint8Array, options: ReadZoneOptions): ZoneReadResult {
  const reader = new ZoneReader(options);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  reader.readBuffer(buf, options.file, reader.zone, null, 0);
  return reader.result();
}

/**
 * Pieces a file is read in. Measured on the 1M-record bench (65 MiB): smaller pieces did not lower
 * the peak (the records dominate it) and cost time (more GCs for the external memory), so files
 * up to 64 MiB are read in one piece and only larger ones are streamed.
 */
const PIECE = 64 << 20;

/** Reads a zone file from disk, a large one in pieces; null when the file does not exist. */
export async function readZoneFile(path: string, options: Omit<ReadZoneOptions, 'file'> & { file?: string }): Promise<ZoneReadResult | null> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const file = options.file ?? path;
    const reader = new ZoneReader({ ...options, file });
    const feed = new FileFeed(reader, file, reader.zone, null, 0);
    // Each piece is read ahead asynchronously, then the one before it is lexed synchronously.
    let pending: Buffer | undefined;
    // No bigger than the file: small files take small buffers.
    const size = Math.max(1, Math.min(options.pieceSize ?? PIECE, (await fh.stat()).size));
    for (;;) {
      const buf = Buffer.allocUnsafe(size);
      let n = 0;
      while (n < size) {
        const { bytesRead } = await fh.read(buf, n, size - n, null);
        if (bytesRead === 0) break;
        n += bytesRead;
      }
      if (n === 0) break;
      if (pending !== undefined) feed.push(pending, false);
      pending = n < size ? buf.subarray(0, n) : buf;
      if (n < size) break;
    }
    feed.push(pending ?? Buffer.alloc(0), true);
    return reader.result();
  } finally {
    await fh.close();
  }
}

/** The default include reader. */
export function readIncludeFromDisk(path: string): Uint8Array {
  return readFileSync(path);
}
