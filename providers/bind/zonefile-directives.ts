import { dirname, isAbsolute, join } from 'node:path';
import { expandGenerate } from './zonefile-generate.js';
import { ZoneLexer } from './zonefile-lexer.js';
import { absoluteName, canonicalName, nameProblem } from './zonefile-names.js';
import { readIncludeFromDisk, type FileContext, type ZoneReader } from './zonefile-reader.js';
import { MAX_TTL, ttlFromText } from './zonefile-ttl.js';

/** Deeper includes than this are refused (an include loop would otherwise never end). */
const MAX_INCLUDE_DEPTH = 16;

/**
 * `$ORIGIN`, `$TTL`, `$INCLUDE` and `$GENERATE` (names case-insensitive, as in BIND). `$ORIGIN`
 * and `$INCLUDE`'s origin apply to the current file only (RFC 1035 §5.1); `$TTL` holds until the
 * next `$TTL`, across includes, as in BIND.
 */
export function handleDirective(r: ZoneReader, ctx: FileContext): void {
  const lx = ctx.lexer;
  const name = lx.text(0).toUpperCase();
  const at = lx.offset(0);
  const arity = (min: number, max: number): boolean => {
    if (lx.count - 1 < min) {
      r.report(ctx, at, 'error', 'zonefile-directive-args', `${name} needs ${min === 1 ? 'an argument' : `${min} arguments`}`);
      return false;
    }
    if (lx.count - 1 > max) {
      r.report(ctx, lx.offset(max + 1), 'error', 'zonefile-extra-input', `extra text after ${name}`);
      return false;
    }
    return true;
  };
  switch (name) {
    case '$ORIGIN': {
      if (!arity(1, 1)) return;
      const origin = resolveName(r, ctx, 1);
      if (origin === undefined) return;
      ctx.origin = origin;
      ctx.originFqdn = absoluteName(origin);
      return;
    }
    case '$TTL': {
      if (!arity(1, 1)) return;
      const text = lx.text(1);
      const ttl = ttlFromText(text);
      if (ttl === undefined) return r.report(ctx, lx.offset(1), 'error', 'zonefile-bad-ttl', `'${text}' is not a TTL`);
      if (ttl > MAX_TTL) {
        r.report(ctx, lx.offset(1), 'warning', 'zonefile-ttl-too-large', `$TTL ${ttl} is above 2147483647; BIND uses 0`);
      }
      r.defaultTtl = ttl > MAX_TTL ? 0 : ttl;
      return;
    }
    case '$INCLUDE':
      return include(r, ctx, arity);
    case '$GENERATE': {
      if (!arity(4, 6)) return;
      const lines = expandGenerate(lx, (code, message, i) => r.report(ctx, i === undefined ? at : lx.offset(i), 'error', code, message));
      for (const line of lines) {
        const sub = new ZoneLexer(Buffer.from(line, 'utf8'));
        if (!sub.next() || sub.error !== null) {
          r.report(ctx, at, 'error', sub.error?.code ?? 'zonefile-bad-generate', `$GENERATE produced a bad line: ${line}`);
          return;
        }
        r.records.parse(ctx, sub, at);
        if (r.stopped) return;
      }
      return;
    }
    default:
      r.report(ctx, at, 'error', 'zonefile-unknown-directive', `unknown directive '${lx.text(0)}'`);
  }
}

function include(r: ZoneReader, ctx: FileContext, arity: (min: number, max: number) => boolean): void {
  const lx = ctx.lexer;
  const at = lx.offset(0);
  if (!arity(1, 2)) return;
  if (r.options.allowInclude === false) {
    return r.report(ctx, at, 'error', 'zonefile-include-disabled', '$INCLUDE is not allowed here');
  }
  if (ctx.depth >= MAX_INCLUDE_DEPTH) {
    return r.report(ctx, at, 'error', 'zonefile-include-depth', `$INCLUDE nested more than ${MAX_INCLUDE_DEPTH} deep (a loop?)`);
  }
  const given = lx.text(1).replace(/\\(.)/g, '$1');
  // Relative to the including file, not to the process's directory (named uses its `directory`).
  const path = isAbsolute(given) ? given : join(dirname(ctx.positions.file), given);
  let origin = ctx.origin;
  if (lx.count > 2) {
    const o = resolveName(r, ctx, 2);
    if (o === undefined) return;
    origin = o;
  }
  let data: Uint8Array;
  try {
    data = (r.options.readInclude ?? readIncludeFromDisk)(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'zonefile-include-not-found' : 'zonefile-include-unreadable';
    return r.report(ctx, lx.offset(1), 'error', code, `$INCLUDE ${given}: ${code === 'zonefile-include-not-found' ? 'file not found' : 'cannot read the file'}`);
  }
  r.readBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), path, origin, ctx.owner, ctx.depth + 1);
}

function resolveName(r: ZoneReader, ctx: FileContext, i: number): string | undefined {
  try {
    return canonicalName(ctx.lexer.text(i), ctx.origin);
  } catch (e) {
    const p = nameProblem(e);
    if (!p) throw e;
    r.report(ctx, ctx.lexer.offset(i), 'error', p.code, p.message);
    return undefined;
  }
}
