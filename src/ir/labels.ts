import { flatString } from './flat-string.js';
import { nameSyntaxProblem, toAsciiName } from './names.js';

/** A problem with a label, before it is placed at a source location. */
export interface LabelIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** A normalised owner name: `short` is relative to the zone (`@` for the apex), `fqdn` has no trailing dot. */
export type LabelOutcome =
  | { readonly ok: true; readonly short: string; readonly fqdn: string; readonly warning?: LabelIssue }
  | { readonly ok: false; readonly issue: LabelIssue };

// DNSControl's Opinion #7: these types routinely have `_` in their labels.
const UNDERSCORE_TYPES = new Set(['SRV', 'TLSA', 'TXT', 'LUA']);

/**
 * Turns a label as written in the config into the owner name, following DNSControl's rules
 * (pkg/normalize/validate.go): `@` is the apex, `example.com.` and `foo.example.com.` are made
 * relative, other names ending in a dot are outside the zone, a relative label repeating the zone
 * is an error unless allowed, and Unicode labels become punycode. (PTR's "name magic", an IP
 * address as the label, is the DSL's: src/dsl/ptr-magic.ts.)
 */
export function normalizeLabel(label: unknown, zone: string, type: string, allowRepeatedDomain: boolean): LabelOutcome {
  if (typeof label !== 'string') return fail('invalid-label', `the label must be a string, not ${typeof label}`);
  if (label === '') return fail('empty-label', 'the label is empty; did you mean "@"?');
  if (label === '@') return { ok: true, short: '@', fqdn: zone };
  if (plainRelative(label) && (allowRepeatedDomain || (label !== zone && !isBelow(label, zone)))) {
    // What the general path below returns for such a label, without its lower-casing, regular
    // expressions and intermediate objects: this runs once per record.
    const fqdn = underZone(label, zone);
    if (fqdn.length <= 253) {
      const warning = underscoreWarning(label, zone, type);
      return warning ? { ok: true, short: label, fqdn, warning } : { ok: true, short: label, fqdn };
    }
  }

  const ascii = toAsciiName(label);
  if (!ascii.ok) return fail('invalid-label', `label "${label}": ${ascii.reason}`);
  const name = ascii.ascii;
  let short: string;
  if (name.endsWith('.')) {
    const abs = name.slice(0, -1);
    if (abs === zone) short = '@';
    else if (isBelow(abs, zone)) short = abs.slice(0, abs.length - zone.length - 1);
    else return fail('label-not-in-zone', `label "${label}" ends with a dot but is not inside ${zone}`);
  } else {
    if (!allowRepeatedDomain && (name === zone || isBelow(name, zone))) {
      const bare = name === zone ? '@' : name.slice(0, name.length - zone.length - 1);
      return fail(
        'label-repeats-domain',
        `label "${label}" repeats the domain name (it would be ${name}.${zone}); write "${bare}" or "${name}." with a final dot, or add DISABLE_REPEATED_DOMAIN_CHECK`,
      );
    }
    short = name;
  }
  if (short === '@') return { ok: true, short, fqdn: zone };
  const fqdn = underZone(short, zone);
  const problem = nameSyntaxProblem(short) ?? (fqdn.length > 253 ? `makes a name of ${fqdn.length} characters; names are at most 253` : undefined);
  if (problem) return fail('invalid-label', `label "${label}" ${problem}`);
  const warning = underscoreWarning(short, zone, type);
  return warning ? { ok: true, short, fqdn, warning } : { ok: true, short, fqdn };
}

/**
 * The owner name of the common label, `@` or a plain relative label (see {@link plainRelative})
 * that needs no warning: what `normalizeLabel(...).fqdn` gives for it, without the outcome object
 * (an allocation per record). Undefined for any other label; normalizeLabel then has the answer.
 */
export function plainOwnerName(label: unknown, zone: string, type: string, allowRepeatedDomain: boolean): string | undefined {
  if (typeof label !== 'string') return undefined;
  if (label === '@') return zone;
  if (!plainRelative(label) || !(allowRepeatedDomain || (label !== zone && !isBelow(label, zone)))) return undefined;
  if (label.includes('_') && underscoreWarning(label, zone, type)) return undefined;
  const fqdn = underZone(label, zone);
  return fqdn.length <= 253 ? fqdn : undefined;
}

let lastZone = '';
let lastDotZone = '.';

/**
 * `short.zone`, flat (flat-string.ts). The zone with its dot is kept from the last call: a
 * domain's records come one after another, and `label + ".zone"` is one string joined where
 * `${label}.${zone}` is two.
 */
function underZone(short: string, zone: string): string {
  if (zone !== lastZone) {
    lastZone = zone;
    lastDotZone = flatString(`.${zone}`);
  }
  return flatString(short + lastDotZone);
}

/**
 * True for a relative name already in its final form: lower-case letters, digits, `-`, `_`, `/`,
 * non-empty labels of at most 63 characters, no punycode (which needs checking), no `*`, no final
 * dot. Most labels are; anything else takes the general path.
 */
function plainRelative(label: string): boolean {
  const n = label.length;
  let start = 0;
  let hyphen = false;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (c === 0x2e) {
      if (i === start || i - start > 63) return false;
      start = i + 1;
    } else if (c === 0x2d) hyphen = true;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2f)) return false;
  }
  return start < n && n - start <= 63 && !(hyphen && label.includes('xn--'));
}

/** `name` ends with `.zone` (checked without building that string: this runs once per record). */
function isBelow(name: string, zone: string): boolean {
  const dot = name.length - zone.length - 1;
  return dot >= 0 && name.charCodeAt(dot) === 0x2e && name.endsWith(zone);
}

function underscoreWarning(short: string, zone: string, type: string): LabelIssue | undefined {
  if (!short.includes('_') || UNDERSCORE_TYPES.has(type)) return undefined;
  if (short.startsWith('_') || short.includes('._') || short.startsWith('sql-')) return undefined;
  return {
    code: 'underscore-in-label',
    severity: 'warning',
    message: `label ${short}.${zone} contains an underscore, which many resolvers and providers reject in ${type} names`,
  };
}

function fail(code: string, message: string): LabelOutcome {
  return { ok: false, issue: { code, severity: 'error', message } };
}
