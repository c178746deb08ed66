/**
 * The label relative to the zone, `@` for the apex (what IGNORE's label glob and the pretty sort
 * see). Names outside the zone are returned whole.
 */
export function relativeLabel(name: string, zone: string): string {
  if (name === zone) return '@';
  if (name.length > zone.length && name.endsWith(zone) && name.charCodeAt(name.length - zone.length - 1) === 0x2e) {
    return name.slice(0, name.length - zone.length - 1);
  }
  return name;
}

const NUMERIC = /^[0-9]+$/;

/**
 * Orders labels the way DNSControl's pretty zone files do (`prettyzone.LabelLess`): `@` first, `*`
 * next, then label by label from the right; numeric labels compare as numbers, a wildcard label
 * sorts before its siblings, and a shorter name before the longer names under it.
 */
export function compareLabels(a: string, b: string): number {
  return a === b ? 0 : compareLabelKeys(labelKey(a), labelKey(b));
}

/** A label split for {@link compareLabelKeys}: sorting many labels splits each one once, not per comparison. */
export interface LabelKey {
  readonly text: string;
  /** The DNS labels, rightmost first. */
  readonly parts: readonly string[];
}

/** Splits a relative label (`@`, `*`, `www.sub`) for sorting. */
export function labelKey(label: string): LabelKey {
  return { text: label, parts: label === '@' || label === '*' ? [] : label.split('.').reverse() };
}

/** {@link compareLabels} on pre-split labels. */
export function compareLabelKeys(ka: LabelKey, kb: LabelKey): number {
  const a = ka.text;
  const b = kb.text;
  if (a === b) return 0;
  if (a === '@') return -1;
  if (b === '@') return 1;
  if (a === '*') return -1;
  if (b === '*') return 1;
  const as = ka.parts;
  const bs = kb.parts;
  const n = Math.min(as.length, bs.length);
  for (let k = 0; k < n; k++) {
    const x = as[k] as string;
    const y = bs[k] as string;
    if (x === y) continue;
    // The leftmost label being a wildcard sorts first among its siblings.
    if (k === as.length - 1 && x === '*') return -1;
    if (k === bs.length - 1 && y === '*') return 1;
    if (NUMERIC.test(x) && NUMERIC.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
      // "01" and "1" are equal as numbers; fall back to text so the order stays total.
    }
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

const TYPE_RANK: Readonly<Record<string, number>> = { SOA: 0, NS: 1, CNAME: 2, A: 3, AAAA: 4, MX: 5, SRV: 6, TXT: 7 };

/** Orders record types as DNSControl's zone files do: SOA NS CNAME A AAAA MX SRV TXT, then alphabetical. */
export function compareTypes(a: string, b: string): number {
  if (a === b) return 0;
  const ra = TYPE_RANK[a];
  const rb = TYPE_RANK[b];
  if (ra !== undefined || rb !== undefined) {
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra - rb;
  }
  return a < b ? -1 : 1;
}

/** Plain code-unit order, the order DNSControl's sort.Slice on comparable strings gives. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
