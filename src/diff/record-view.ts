import type { DnsRecord } from '../records/types.js';

/*
 * STAND-IN, to be replaced by the records engineer's `comparableRdata`, `recordTarget` and
 * `recordDependencies` from src/records/registry.ts once it lands (they were not in the tree when
 * the diff was written). Each works from the canonical presentation text only, so swapping in the
 * registry changes no caller: the diff imports these three names from this file alone.
 */

/** Splits canonical presentation text into tokens; quoted strings stay one token with their quotes. */
function tokens(rdata: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = rdata.length;
  while (i < n) {
    const c = rdata[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let j = i;
    if (c === '"') {
      j++;
      while (j < n && rdata[j] !== '"') j += rdata[j] === '\\' ? 2 : 1;
      j++;
    } else {
      while (j < n && rdata[j] !== ' ' && rdata[j] !== '\t') j += rdata[j] === '\\' ? 2 : 1;
    }
    out.push(rdata.slice(i, j));
    i = j;
  }
  return out;
}

/** Decodes one quoted or bare presentation string (`"a\"b"` → `a"b`, `\065` → `A`). */
export function decodeText(token: string): string {
  const body = token.startsWith('"') && token.endsWith('"') && token.length >= 2 ? token.slice(1, -1) : token;
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const digits = body.slice(i + 1, i + 4);
    if (/^[0-9]{3}$/.test(digits)) {
      out += String.fromCharCode(Number(digits));
      i += 3;
    } else if (i + 1 < body.length) {
      out += body[i + 1];
      i += 1;
    }
  }
  return out;
}

/** The rdata compared for identity: the canonical text, except that SOA ignores its serial. */
export function comparableRdata(rec: DnsRecord): string {
  if (rec.type !== 'SOA') return rec.rdata;
  const t = tokens(rec.rdata);
  if (t.length >= 3) t.splice(2, 1);
  return t.join(' ');
}

/** What IGNORE's target glob matches: the name a record points at, or a TXT record's text. */
export function recordTarget(rec: DnsRecord): string {
  switch (rec.type) {
    case 'MX':
      return tokens(rec.rdata)[1] ?? rec.rdata;
    case 'SRV':
      return tokens(rec.rdata)[3] ?? rec.rdata;
    case 'TXT':
      return tokens(rec.rdata).map(decodeText).join('');
    default:
      return rec.rdata;
  }
}

/** Names a record points at (absolute, with a trailing dot), for ordering changes. */
export function recordDependencies(rec: DnsRecord): string[] {
  let target: string | undefined;
  switch (rec.type) {
    case 'CNAME':
    case 'NS':
    case 'DNAME':
    case 'ALIAS':
      target = rec.rdata;
      break;
    case 'MX':
      target = tokens(rec.rdata)[1];
      break;
    case 'SRV':
      target = tokens(rec.rdata)[3];
      break;
    default:
      return [];
  }
  return target !== undefined && target !== '.' && target.endsWith('.') ? [target.toLowerCase()] : [];
}
