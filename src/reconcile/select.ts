import { ZonesmithError } from '../errors.js';
import type { IrDomain } from '../ir/types.js';

/**
 * Filters domains by a `--domains` list as DNSControl reads it: comma-separated; `example.com`
 * matches the untagged domain, `example.com!tag` one tag, `example.com!*` every tag; a leading `*.`
 * matches any name ending in the rest (`*.in-addr.arpa`). Unicode names match their punycode.
 */
export function selectDomains(domains: readonly IrDomain[], spec: string | undefined): IrDomain[] {
  if (!spec || spec.trim() === '') return [...domains];
  const patterns = spec.split(',').map((p) => p.trim()).filter(Boolean);
  const picked = domains.filter((d) => patterns.some((p) => domainMatches(d, p)));
  const unmatched = patterns.filter((p) => !domains.some((d) => domainMatches(d, p)));
  if (unmatched.length > 0) {
    throw new ZonesmithError('domain-not-found', `--domains: no domain in the config matches ${unmatched.map((p) => `"${p}"`).join(', ')}`);
  }
  return picked;
}

function domainMatches(d: IrDomain, pattern: string): boolean {
  const bang = pattern.indexOf('!');
  const namePart = (bang < 0 ? pattern : pattern.slice(0, bang)).toLowerCase().replace(/\.$/, '');
  const tagPart = bang < 0 ? '' : pattern.slice(bang + 1);
  if (tagPart !== '*' && tagPart !== d.tag) return false;
  const names = [d.name, d.unicodeName.toLowerCase()];
  if (namePart.startsWith('*.')) {
    const suffix = namePart.slice(1);
    return names.some((n) => n.endsWith(suffix));
  }
  return names.includes(namePart);
}

/**
 * Decides which DNS providers take part: none given = every provider not marked
 * `_exclude_from_defaults`; `all` = every provider; otherwise the comma-separated names.
 */
export function selectProviders(
  names: readonly string[],
  excluded: ReadonlySet<string>,
  spec: string | undefined,
): Set<string> {
  if (!spec || spec.trim() === '') return new Set(names.filter((n) => !excluded.has(n)));
  if (spec.trim() === 'all') return new Set(names);
  const wanted = spec.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length > 0) {
    throw new ZonesmithError('provider-not-found', `--providers: no DNS provider called ${unknown.map((u) => `"${u}"`).join(', ')} in the config`);
  }
  return new Set(wanted);
}
