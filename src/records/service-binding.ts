import { defineType } from './define.js';
import { argString, argUint, expectAtLeast, issue, rangeIssue, tokUint } from './fields.js';
import { canonicalName, targetFromArg } from './names.js';
import { lowerName } from './single-name.js';
import { formatParam, keyName, paramFromToken, validateParam, type SvcParam } from './svcb-params.js';
import { tokenizeRdata } from './text.js';
import { RdataError, type RdataIssue, type RdataToken, type RecordTypeModule } from './types.js';

/** SVCB / HTTPS data (RFC 9460). */
export interface ServiceBindingData {
  /** 0 is AliasMode. */
  readonly priority: number;
  /** Absolute; `.` means the owner name (ServiceMode) or "no service" (AliasMode). */
  readonly target: string;
  /** Sorted by key number, no duplicates. */
  readonly params: readonly SvcParam[];
}

/** Sorts params and enforces RFC 9460's parse-time rules: unique keys, mandatory keys present. */
function finishParams(params: SvcParam[]): SvcParam[] {
  params.sort((a, b) => a.key - b.key);
  for (let i = 1; i < params.length; i++) {
    if ((params[i] as SvcParam).key === (params[i - 1] as SvcParam).key) {
      throw new RdataError('svcb-duplicate-key', `SvcParam ${keyName((params[i] as SvcParam).key)} appears twice`);
    }
  }
  const mandatory = params.find((p) => p.key === 0);
  if (mandatory) {
    for (let i = 0; i < mandatory.value.length; i += 2) {
      const k = ((mandatory.value[i] as number) << 8) | (mandatory.value[i + 1] as number);
      if (!params.some((p) => p.key === k)) throw new RdataError('svcb-mandatory-missing', `mandatory lists ${keyName(k)}, which the record does not have`);
    }
  }
  return params;
}

function paramTokens(value: unknown): RdataToken[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => tokenizeRdata(argString(v, 'SvcParams')));
  return tokenizeRdata(argString(value, 'SvcParams'));
}

/** Params from tokens; a quoted token right after `key=` is that key's value (`alpn= "h2"` split by a reader). */
function paramsFromTokens(tokens: readonly RdataToken[]): SvcParam[] {
  const out: SvcParam[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as RdataToken;
    const next = tokens[i + 1];
    if (!t.quoted && t.text.endsWith('=') && next?.quoted) {
      out.push(paramFromToken(`${t.text}"${next.text}"`, true));
      i++;
    } else out.push(paramFromToken(t.text, true));
  }
  return out;
}

/** A module for SVCB-shaped rdata (SVCB, HTTPS); issue codes start with `svcb-`. */
export function serviceBindingType(type: string, code: number): RecordTypeModule<ServiceBindingData> {
  return defineType<ServiceBindingData>({
    type,
    code,
    fromArgs(args, ctx) {
      if (args.length > 3) throw new RdataError('too-many-fields', `${type} takes priority, target and a params string`);
      expectAtLeast(args, 2, type, 'arguments');
      return {
        priority: argUint(args[0], `${type} priority`),
        target: targetFromArg(args[1], ctx.zone, `${type} target`),
        params: finishParams(paramTokens(args[2]).map((t) => paramFromToken(t.text, true))),
      };
    },
    fromTokens(tokens, origin) {
      expectAtLeast(tokens, 2, type);
      return {
        priority: tokUint(tokens[0], `${type} priority`),
        target: canonicalName((tokens[1] as RdataToken).text, origin),
        params: finishParams(paramsFromTokens(tokens.slice(2))),
      };
    },
    format(d) {
      let s = `${d.priority} ${d.target}`;
      for (const p of d.params) s += ` ${formatParam(p)}`;
      return s;
    },
    check(d) {
      const out: RdataIssue[] = [];
      rangeIssue(out, 'svcb-priority-range', `${type} priority`, d.priority, 0xffff);
      if (d.priority === 0 && d.params.length > 0) out.push(issue('svcb-alias-mode-params', 'warning', `${type} AliasMode (priority 0) ignores SvcParams`));
      const keys = new Set(d.params.map((p) => p.key));
      if (keys.has(2) && !keys.has(1)) out.push(issue('svcb-no-default-alpn-needs-alpn', 'error', 'no-default-alpn needs alpn in the same record (RFC 9460 §7.1.1)'));
      return out;
    },
    target: (d) => d.target,
    dependsOn: (d) => (d.target === '.' ? [] : [d.target]),
    toWire(d, w) {
      w.u16(d.priority);
      w.name(d.target);
      for (const p of d.params) {
        if (p.ignore) throw new RdataError('svcb-ech-ignore', 'ech=IGNORE must be replaced by the provider\'s current ECH value before it is sent');
        w.u16(p.key);
        w.u16(p.value.length);
        w.bytes(p.value);
      }
    },
    fromWire(r, end) {
      const priority = r.u16();
      const target = lowerName(r.name());
      const params: SvcParam[] = [];
      let last = -1;
      while (r.offset < end) {
        const key = r.u16();
        if (key <= last) throw new RdataError('svcb-key-order', `SvcParam keys must be strictly increasing on the wire (${key} after ${last})`);
        if (key === 65535) throw new RdataError('svcb-invalid-key', 'SvcParam key 65535 is reserved');
        last = key;
        const value = r.bytes(r.u16());
        validateParam(key, value);
        params.push({ key, value });
      }
      return { priority, target, params: finishParams(params) };
    },
  });
}
