/**
 * Owner names between Route 53 and zonesmith. Route 53 returns names lower-case, absolute, and with
 * every character other than a-z, 0-9, hyphen and underscore as `\` plus three OCTAL digits (`*` is
 * `\052`) (Developer Guide, "DNS domain name format", verified 2026-11). zonesmith's canonical
 * presentation uses DECIMAL `\DDD`, so the escapes are translated, never copied.
 */
import { canonicalName, parseLabels } from '../../src/records/names.js';

/** A Route 53 name (`\052.example.com.`) to zonesmith's owner-name form (`*.example.com`). */
export function nameFromRoute53(name: string): string {
  const presentation = name.replace(/\\([0-7]{3})/g, (_m, oct: string) => {
    const code = parseInt(oct, 8);
    const ch = String.fromCharCode(code);
    // Characters that can stand literally in a label are written literally; the rest (the dot,
    // specials, non-printable bytes) become RFC 1035 decimal escapes for canonicalName to judge.
    return /[A-Za-z0-9*_\-/+=!#%&'~^`{}|<>?,:[\]]/.test(ch) ? ch : `\\${String(code).padStart(3, '0')}`;
  });
  const fqdn = canonicalName(presentation.endsWith('.') ? presentation : `${presentation}.`, '.');
  return fqdn === '.' ? '' : fqdn.slice(0, -1);
}

/** zonesmith's owner name (`*.example.com`) to the form Route 53 takes, absolute with a dot. */
export function nameToRoute53(name: string): string {
  const { labels } = parseLabels(`${name}.`);
  return `${labels.map((label, i) => labelToRoute53(label, i === 0)).join('.')}.`;
}

function labelToRoute53(bytes: Uint8Array, leftmost: boolean): string {
  // A leftmost `*` is the wildcard, which Route 53 accepts literally; elsewhere it is escaped.
  if (leftmost && bytes.length === 1 && bytes[0] === 0x2a) return '*';
  let out = '';
  for (const b of bytes) {
    const lower = b >= 0x41 && b <= 0x5a ? b + 32 : b;
    const c = String.fromCharCode(lower);
    out += /[a-z0-9_-]/.test(c) ? c : `\\${lower.toString(8).padStart(3, '0')}`;
  }
  return out;
}
