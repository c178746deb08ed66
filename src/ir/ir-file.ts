import type { RawProvider } from '../dsl/raw-types.js';
import { ConfigError } from '../errors.js';
import type { DnsRecord } from '../records/types.js';
import { error, hasErrors, type Diagnostic } from './diagnostic.js';
import { checkIrShape } from './ir-shape.js';
import { scanJson } from './json-positions.js';
import { normalizeConfig, type NormalizeInput } from './normalize.js';
import type { DomainInput } from './normalize-domain.js';
import type { InputRecord } from './normalize-records.js';
import type { SourcePos } from './source.js';
import { IR_VERSION, type IrConfig, type IrDomain, type IrProviderDecl } from './types.js';

/**
 * The IR as a file: stable, pretty JSON (2-space indent, fixed key order, metadata keys sorted,
 * a final newline), so the same config always prints the same bytes and diffs stay small. Each
 * record, nameserver and IGNORE rule sits on one line, so a zone of 100,000 records stays readable
 * and a one-record change is a one-line diff.
 */
export function irToJson(ir: IrConfig): string {
  const out = {
    version: ir.version,
    registrars: ir.registrars.map(declJson),
    dnsProviders: ir.dnsProviders.map(declJson),
    domains: ir.domains.map(domainJson),
  };
  return `${pretty(out, '')}\n`;
}

// Objects written on one line: marked where they are built.
const oneLine = new WeakSet<object>();

function line<T extends object>(o: T): T {
  oneLine.add(o);
  return o;
}

function pretty(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (oneLine.has(v)) return compact(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n')}\n${indent}}`;
}

function compact(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(compact).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${compact(x)}`).join(', ')}}`;
}

function declJson(d: IrProviderDecl): object {
  return { name: d.name, ...(d.type ? { type: d.type } : {}), meta: sortKeys(d.meta), ...src(d.source) };
}

function domainJson(d: IrDomain): object {
  const h = d.handsOff;
  return {
    name: d.name,
    unicodeName: d.unicodeName,
    tag: d.tag,
    uniqueName: d.uniqueName,
    registrar: d.registrar,
    dnsProviders: d.dnsProviders.map((p) => line({ name: p.name, nameserverCount: p.nameserverCount })),
    nameservers: d.nameservers.map((ns) => line({ name: ns.name, ...src(ns.source) })),
    nameserverTtl: d.nameserverTtl,
    ...(d.defaultTtl !== undefined ? { defaultTtl: d.defaultTtl } : {}),
    ...(d.autoDnssec ? { autoDnssec: d.autoDnssec } : {}),
    records: d.records.map(recordJson),
    absent: d.absent.map(recordJson),
    handsOff: {
      purge: h.purge,
      ignores: h.ignores.map((r) => line({ label: r.label, types: r.types, target: r.target, ...src(r.source) })),
      ...(h.externalDnsPrefix !== undefined ? { externalDnsPrefix: h.externalDnsPrefix } : {}),
      disableIgnoreSafetyCheck: h.disableIgnoreSafetyCheck,
    },
    ...(d.safety ? { safety: d.safety } : {}),
    meta: sortKeys(d.meta),
    ...src(d.source),
  };
}

function recordJson(r: DnsRecord): object {
  return line({ name: r.name, type: r.type, ttl: r.ttl, rdata: r.rdata, ...(r.meta ? { meta: sortKeys(r.meta) } : {}), ...src(r.source) });
}

function src(s: SourcePos | undefined): object {
  return s ? { source: line({ file: s.file, line: s.line, column: s.column }) } : {};
}

function sortKeys(o: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/**
 * Reads an IR file written by `print-ir` or by any other generator, checking it like a config:
 * JSON syntax, the version, the whole shape (paths such as `domains[2].records[5].ttl`), then every
 * domain and record through the same normalisation and validation rules. Diagnostics point at the
 * record's config location when the file carries one, else at the place in the IR file.
 */
export function parseIr(json: string, file: string): { ir: IrConfig; diagnostics: Diagnostic[] } {
  const empty: IrConfig = { version: IR_VERSION, registrars: [], dnsProviders: [], domains: [] };
  const at = (paths: readonly string[]): Map<string, SourcePos> => {
    const found = scanJson(json, new Set(paths)).positions;
    return new Map([...found].map(([p, pos]) => [p, { file, ...pos }]));
  };

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    const scan = scanJson(json, new Set());
    const pos = scan.syntaxError?.pos ?? { line: 1, column: 1 };
    const why = scan.syntaxError?.message ?? (err as Error).message;
    return { ir: empty, diagnostics: [error('ir-json-syntax', `${file} is not valid JSON: ${why}`, { file, ...pos })] };
  }

  const version = value !== null && typeof value === 'object' ? (value as { version?: unknown }).version : undefined;
  if (version !== undefined && version !== IR_VERSION) {
    const pos = at(['version']).get('version');
    return {
      ir: empty,
      diagnostics: [error('ir-version', `IR version ${JSON.stringify(version)} is not supported; this zonesmith reads version ${IR_VERSION}`, pos)],
    };
  }

  const shapeErrors = checkIrShape(value);
  if (shapeErrors.length > 0) {
    const positions = at(shapeErrors.map((e) => e.path));
    return {
      ir: empty,
      diagnostics: shapeErrors.map((e) => error('ir-shape', `${e.path || '(top level)'}: ${e.message}`, positions.get(e.path))),
    };
  }

  const places = new Map<SourcePos, string>();
  const input = toNormalizeInput(value as IrConfig, (path, given) => {
    if (given) return given;
    const p: SourcePos = { file, line: 0, column: 0 };
    places.set(p, path);
    return p;
  });
  const { ir, diagnostics } = normalizeConfig(input);
  if (places.size === 0) return { ir, diagnostics };

  // Diagnostics about things the file gives no config location for point into the IR file itself.
  const needed = diagnostics.flatMap((d) => (d.source && places.has(d.source) ? [places.get(d.source) as string] : []));
  const positions = needed.length > 0 ? at(needed) : new Map<string, SourcePos>();
  const placed = diagnostics.map((d) => {
    const path = d.source ? places.get(d.source) : undefined;
    if (path === undefined) return d;
    const { source: _, ...rest } = d;
    const pos = positions.get(path);
    return pos ? { ...rest, source: pos } : rest;
  });
  return { ir: stripPlaces(ir, places), diagnostics: placed };
}

/** parseIr for callers that want only a valid IR: throws ConfigError carrying every diagnostic. */
export function readIr(json: string, file: string): IrConfig {
  const { ir, diagnostics } = parseIr(json, file);
  if (hasErrors(diagnostics)) throw new ConfigError(diagnostics, `${file} has errors`);
  return ir;
}

type Place = (path: string, given: SourcePos | undefined) => SourcePos;

/** The IR rebuilt as normalisation input: owner names become absolute labels, rdata is parsed as text. */
function toNormalizeInput(ir: IrConfig, place: Place): NormalizeInput {
  const decl = (d: IrProviderDecl, path: string): RawProvider => ({ name: d.name, type: d.type ?? null, meta: { ...d.meta }, source: place(path, d.source) });
  const record = (r: DnsRecord, path: string): InputRecord => ({
    type: r.type,
    // Owner names are written without the final dot; tolerate one.
    label: r.name.endsWith('.') ? r.name : `${r.name}.`,
    rdataText: r.rdata,
    ttl: r.ttl,
    meta: r.meta ?? {},
    source: place(path, r.source),
  });
  const domains = ir.domains.map((d, i): DomainInput => {
    const p = `domains[${i}]`;
    const h = d.handsOff ?? { purge: true, ignores: [], disableIgnoreSafetyCheck: false };
    return {
      name: d.tag ? `${d.name}!${d.tag}` : d.name,
      registrar: d.registrar,
      dnsProviders: d.dnsProviders.map((x, k) => ({ name: x.name, nsCount: x.nameserverCount, source: place(`${p}.dnsProviders[${k}]`, undefined) })),
      records: d.records.map((r, k) => record(r, `${p}.records[${k}]`)),
      absent: (d.absent ?? []).map((r, k) => record(r, `${p}.absent[${k}]`)),
      nameservers: (d.nameservers ?? []).map((ns, k) => ({ name: ns.name, source: place(`${p}.nameservers[${k}]`, ns.source) })),
      nameserverTtl: d.nameserverTtl,
      defaultTtl: d.defaultTtl,
      noPurge: h.purge === false,
      ignores: (h.ignores ?? []).map((r, k) => ({ ...r, source: place(`${p}.handsOff.ignores[${k}]`, r.source) })),
      ignoreExternalDns: h.externalDnsPrefix !== undefined ? { prefix: h.externalDnsPrefix } : undefined,
      disableIgnoreSafetyCheck: h.disableIgnoreSafetyCheck === true,
      autoDnssec: d.autoDnssec,
      meta: d.meta ?? {},
      safety: d.safety,
      source: place(p, d.source),
    } as DomainInput;
  });
  return {
    registrars: ir.registrars.map((d, i) => decl(d, `registrars[${i}]`)),
    dnsProviders: ir.dnsProviders.map((d, i) => decl(d, `dnsProviders[${i}]`)),
    domains,
  };
}

/** Removes the stand-in positions parseIr gave sourceless parts of the file. */
function stripPlaces(ir: IrConfig, places: ReadonlyMap<SourcePos, string>): IrConfig {
  const clean = <T extends { readonly source?: SourcePos }>(x: T): T => {
    if (!x.source || !places.has(x.source)) return x;
    const { source: _, ...rest } = x;
    return rest as T;
  };
  return {
    ...ir,
    registrars: ir.registrars.map(clean),
    dnsProviders: ir.dnsProviders.map(clean),
    domains: ir.domains.map((d) => ({
      ...clean(d),
      records: d.records.map(clean),
      absent: d.absent.map(clean),
      nameservers: d.nameservers.map(clean),
      handsOff: { ...d.handsOff, ignores: d.handsOff.ignores.map(clean) },
    })),
  };
}
