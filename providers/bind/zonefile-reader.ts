import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  readonly lexer: ZoneLexer;
  readonly positions: PositionMap;
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
    const ctx: FileContext = {
      lexer: new ZoneLexer(buf),
      positions: new PositionMap(buf, file),
      depth,
      origin,
      originFqdn: origin === null ? '.' : absoluteName(origin),
      owner,
    };
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

/** Reads a zone file from disk; null when the file does not exist. */
export async function readZoneFile(path: string, options: Omit<ReadZoneOptions, 'file'> & { file?: string }): Promise<ZoneReadResult | null> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return readZone(data, { ...options, file: options.file ?? path });
}

/** The default include reader. */
export function readIncludeFromDisk(path: string): Uint8Array {
  return readFileSync(path);
}
