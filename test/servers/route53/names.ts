/**
 * Route 53's handling of DNS names, as the test server applies it (Route 53 Developer Guide,
 * "DNS domain name format", verified against the docs 2026-11): names are stored lower-case and
 * absolute; any character other than a-z, 0-9, hyphen, underscore and the label dot is returned
 * as a backslash and three octal digits (`*` becomes `\052`). Input may carry a trailing dot or
 * not, and may already use octal escapes.
 */

/** Normalises a name the way Route 53 stores and returns it. */
export function storedName(input: string): string {
  let raw = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '\\' && /^[0-7]{3}$/.test(input.slice(i + 1, i + 4))) {
      raw += String.fromCharCode(parseInt(input.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      raw += c;
    }
  }
  raw = raw.toLowerCase();
  if (!raw.endsWith('.')) raw += '.';
  let out = '';
  for (const ch of raw) {
    out += /[a-z0-9\-_.]/.test(ch) ? ch : escapeOctal(ch);
  }
  return out;
}

function escapeOctal(ch: string): string {
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) out += `\\${byte.toString(8).padStart(3, '0')}`;
  return out;
}

/** The key Route 53 sorts ListResourceRecordSets by: the labels reversed (`com.example.www.`). */
export function sortName(stored: string): string {
  const labels = stored.replace(/\.$/, '').split('.');
  return `${labels.reverse().join('.')}.`;
}

/** True when `name` is the zone apex or below it (both stored form). */
export function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
