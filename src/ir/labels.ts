import { isIP } from 'node:net';
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
 * is an error unless allowed, Unicode labels become punycode, and a PTR label may be an IP address.
 */
export function normalizeLabel(label: unknown, zone: string, type: string, allowRepeatedDomain: boolean): LabelOutcome {
  if (typeof label !== 'string') return fail('invalid-label', `the label must be a string, not ${typeof label}`);
  if (label === '') return fail('empty-label', 'the label is empty; did you mean "@"?');
  if (label === '@') return { ok: true, short: '@', fqdn: zone };
  if (type === 'PTR' && isIP(label) !== 0) return ptrLabel(label, zone);

  const ascii = toAsciiName(label);
  if (!ascii.ok) return fail('invalid-label', `label "${label}": ${ascii.reason}`);
  const name = ascii.ascii;
  let short: string;
  if (name.endsWith('.')) {
    const abs = name.slice(0, -1);
    if (abs === zone) short = '@';
    else if (abs.endsWith(`.${zone}`)) short = abs.slice(0, abs.length - zone.length - 1);
    else return fail('label-not-in-zone', `label "${label}" ends with a dot but is not inside ${zone}`);
  } else {
    if (!allowRepeatedDomain && (name === zone || name.endsWith(`.${zone}`))) {
      const bare = name === zone ? '@' : name.slice(0, name.length - zone.length - 1);
      return fail(
        'label-repeats-domain',
        `label "${label}" repeats the domain name (it would be ${name}.${zone}); write "${bare}" or "${name}." with a final dot, or add DISABLE_REPEATED_DOMAIN_CHECK`,
      );
    }
    short = name;
  }
  if (short === '@') return { ok: true, short, fqdn: zone };
  const fqdn = `${short}.${zone}`;
  const problem = nameSyntaxProblem(short) ?? (fqdn.length > 253 ? `makes a name of ${fqdn.length} characters; names are at most 253` : undefined);
  if (problem) return fail('invalid-label', `label "${label}" ${problem}`);
  const warning = underscoreWarning(short, zone, type);
  return warning ? { ok: true, short, fqdn, warning } : { ok: true, short, fqdn };
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

/** DNSControl's "PTR name magic" (pkg/transform/ptr.go): `PTR("1.2.3.4", ...)` in a reverse zone. */
function ptrLabel(ip: string, zone: string): LabelOutcome {
  const reversed = reverseName(ip);
  if (reversed === zone) return { ok: true, short: '@', fqdn: zone };
  if (!reversed.endsWith(`.${zone}`)) {
    return fail('label-not-in-zone', `PTR label ${ip} is ${reversed}, which is not inside ${zone}`);
  }
  return { ok: true, short: reversed.slice(0, reversed.length - zone.length - 1), fqdn: reversed };
}

/** The reverse-lookup name of an IPv4 or IPv6 address (`4.3.2.1.in-addr.arpa`). */
export function reverseName(ip: string): string {
  if (isIP(ip) === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  return `${expandIpv6(ip).split('').reverse().join('.')}.ip6.arpa`;
}

/** 32 hex nibbles of an IPv6 address, lower-case, without colons. */
function expandIpv6(ip: string): string {
  let text = ip.toLowerCase();
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) becomes two hex groups first.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.padStart(4, '0')).join('');
}

function fail(code: string, message: string): LabelOutcome {
  return { ok: false, issue: { code, severity: 'error', message } };
}
