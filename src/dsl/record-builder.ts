import type { DomainCtx, RecordDraft } from './draft.js';
import { DslError, show } from './errors.js';
import { applyRecordModifier, isRecordModifierArg, Modifier, registerCallable } from './modifier.js';
import { callerPos, type Pos } from './pos.js';
import { ptrLabel } from './ptr-magic.js';
import type { DomainModifierFn } from './types.js';

/** How one record type's builder reads its arguments. */
export interface RecordSpec {
  readonly type: string;
  /** Names of the data arguments after the label, in order (for messages). */
  readonly args: readonly string[];
  /** How many trailing data arguments may be omitted, and their defaults. */
  readonly optional?: readonly unknown[];
  /** Index into RawRecord.args of a host name that D_EXTEND makes relative to the subdomain. */
  readonly targetIndex?: number;
  /** Turns the collected data arguments into RawRecord.args (CAA flag, SOA serial, A numbers). */
  readonly finish?: (r: RecordDraft) => void;
  /** Rewrites the label as written (SMIMEA appends `._smimecert`). */
  readonly label?: (label: string) => string;
}

/** The builder a RecordSpec produces: `TYPE(label, ...data, ...modifiers)`. */
export type RecordBuilder = (label: string, ...rest: unknown[]) => DomainModifierFn;

function usage(spec: RecordSpec): string {
  return `${spec.type}(name, ${spec.args.join(', ')})`;
}

/** One record builder call (`A("www", "192.0.2.1")`): becomes a record when its D() applies it. */
class RecordCall extends Modifier {
  constructor(
    private readonly spec: RecordSpec,
    private readonly label: string,
    private readonly values: unknown[],
    private readonly mods: unknown[],
    private readonly pos: Pos | undefined,
  ) {
    super();
  }

  describe(): string {
    return `${this.spec.type}(${JSON.stringify(this.label)})`;
  }

  override applyDomain(ctx: DomainCtx): void {
    addRecord(ctx, this.spec, this.label, this.values, this.mods, this.pos);
  }
}

/** Records made by a builder at this call site. */
export function makeRecordBuilder(spec: RecordSpec): RecordBuilder {
  const max = spec.args.length;
  const min = max - (spec.optional?.length ?? 0);
  const builder = function (): DomainModifierFn {
    const pos = callerPos(builder);
    // DNSControl (pkg/js/helpers.js rawrecordBuilder): functions and plain objects are modifiers
    // wherever they appear, arrays are joined into one string, everything else is data.
    const data: unknown[] = [];
    let mods: unknown[] | undefined;
    for (let i = 0; i < arguments.length; i++) {
      // eslint-disable-next-line prefer-rest-params
      const a: unknown = arguments[i];
      if (isRecordModifierArg(a)) (mods ??= []).push(a);
      else data.push(Array.isArray(a) ? a.join('') : a);
    }
    if (data.length < min + 1) {
      throw new DslError(
        'dsl-arg-count',
        `${spec.type} record requires ${min + 1} arguments (${usage(spec)}); only ${data.length} were supplied`,
      );
    }
    if (data.length > max + 1) {
      throw new DslError('dsl-arg-count', `${spec.type} takes at most ${max + 1} data arguments (${usage(spec)}); got ${data.length}: ${data.map(show).join(', ')}`);
    }
    const label = data[0];
    if (typeof label !== 'string') {
      throw new DslError('dsl-bad-argument', `${spec.type}: the name (first argument) must be a string such as "@" or "www", not ${show(label)}`);
    }
    const values = data.slice(1);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === undefined || v === null) {
        throw new DslError('dsl-bad-argument', `${spec.type}(${JSON.stringify(label)}): argument ${i + 2} (${spec.args[i]}) is ${v}`);
      }
    }
    for (let i = values.length; i < max; i++) values.push(spec.optional?.[i - min]);
    const written = spec.label ? spec.label(label) : label;
    return new RecordCall(spec, written, values, mods ?? NO_MODS, pos) as unknown as DomainModifierFn;
  };
  Object.defineProperty(builder, 'name', { value: spec.type });
  return registerCallable(spec.type, builder as unknown as RecordBuilder);
}

const NO_MODS: unknown[] = [];

/**
 * Adds one record to the domain being built, as a builder's modifier does; for builder macros
 * (SPF_BUILDER overflow) that can only compute their records once the domain is known.
 */
export function addRecord(
  ctx: DomainCtx,
  spec: RecordSpec,
  label: string,
  values: readonly unknown[],
  mods: readonly unknown[],
  pos: Pos | undefined,
): void {
  const r: RecordDraft = {
    type: spec.type,
    label,
    args: values.slice(),
    ttl: ctx.d.defaultTtl,
    meta: {},
    absent: false,
    allowRepeatedDomain: false,
    caaFlag: 0,
    pos,
  };
  try {
    if (mods.length > 0) {
      const where = (): string => `${spec.type}(${JSON.stringify(label)})`;
      for (let i = 0; i < mods.length; i++) applyRecordModifier(r, mods[i], where, values.length + 2 + i);
    }
    spec.finish?.(r);
    // A plain {skip_fqdn_check: "true"} object is what DISABLE_REPEATED_DOMAIN_CHECK is in DNSControl.
    if (r.meta['skip_fqdn_check'] === 'true') r.allowRepeatedDomain = true;
    placeLabel(ctx, spec, r);
  } catch (e) {
    // Modifiers run while D() processes its arguments; point at the record, not at the D().
    throw e instanceof DslError ? e.at(pos) : e;
  }
  (r.absent ? ctx.d.absent : ctx.d.records).push(r);
}

/** PTR magic, then D_EXTEND's label and target rewriting (DNSControl's setRecordNamesExtend). */
function placeLabel(ctx: DomainCtx, spec: RecordSpec, r: RecordDraft): void {
  const zone = ctx.d.zone;
  if (spec.type === 'PTR') {
    const magic = ptrLabel(r.label, zone);
    // The magic yields a label relative to the D() zone: no subdomain rewriting on top.
    if (magic !== r.label) {
      r.label = magic;
      return;
    }
  }
  const sub = ctx.sub;
  if (sub === '') return;
  if (r.label === '@') {
    r.label = sub;
  } else if (r.label.endsWith('.')) {
    const fqdn = r.label.slice(0, -1).toLowerCase();
    const subZone = `${sub.toLowerCase()}.${zone}`;
    const inSub = fqdn === subZone || fqdn.endsWith(`.${subZone}`);
    if (!inSub && (fqdn === zone || fqdn.endsWith(`.${zone}`))) {
      throw new DslError(
        'dsl-label-outside-extend',
        `${spec.type}(${JSON.stringify(r.label)}): the label should be in the apex domain, D(${JSON.stringify(ctx.d.name)}), not ${ctx.where}`,
      );
    }
  } else {
    r.label = `${r.label}.${sub}`;
  }
  const ti = spec.targetIndex;
  if (ti !== undefined) {
    const target = r.args[ti];
    // Only a bare relative name (no dots) is rewritten; "a.b" without a final dot is left for the
    // host to reject, as DNSControl does.
    if (typeof target === 'string' && target !== '' && !target.includes('.')) {
      r.args[ti] = target === '@' ? `${sub}.${zone}.` : `${target}.${sub}.${zone}.`;
    }
  }
}
