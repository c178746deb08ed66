import { recordTarget } from '../../diff/record-view.js';
import type { Change, DiffMessage, RecordChange } from '../../diff/types.js';
import type { DnsRecord } from '../../records/types.js';

// C0/C1 controls and DEL, plus the bidirectional overrides that can make text read differently
// from what it is ("Trojan Source"): shown as escapes so a record cannot drive the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes text safe to print: control and bidi characters become `\DDD` / `\u{...}` escapes. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x100 ? `\\${String(c).padStart(3, '0')}` : `\\u{${c.toString(16)}}`;
  });
}

/** ` key=value` for each meta key whose value differs between two records, so a meta-only change is visible. */
export function metaDiff(before: DnsRecord, after: DnsRecord): [string, string] {
  const keys = [...new Set([...Object.keys(before.meta ?? {}), ...Object.keys(after.meta ?? {})])].sort();
  let b = '';
  let a = '';
  for (const k of keys) {
    const bv = before.meta?.[k];
    const av = after.meta?.[k];
    if (bv === av) continue;
    if (bv !== undefined) b += ` ${k}=${bv}`;
    if (av !== undefined) a += ` ${k}=${av}`;
  }
  return [b, a];
}

/**
 * One record change as DNSControl prints it (`+ CREATE www.example.com A 1.2.3.4 ttl=300`), without
 * colour and with unsafe characters escaped.
 */
export function changeLine(d: RecordChange): string {
  switch (d.kind) {
    case 'create':
      return sanitize(`+ CREATE ${d.after.name} ${d.after.type} ${d.after.rdata} ttl=${d.after.ttl}`);
    case 'delete':
      return sanitize(`- DELETE ${d.before.name} ${d.before.type} ${d.before.rdata} ttl=${d.before.ttl}`);
    case 'ttl':
      return sanitize(`± MODIFY-TTL ${d.after.name} ${d.after.type} ttl=(${d.before.ttl}->${d.after.ttl}) ${d.after.rdata}`);
    case 'update': {
      const [bm, am] = metaDiff(d.before, d.after);
      return sanitize(`± MODIFY ${d.after.name} ${d.after.type} (${d.before.rdata}${bm} ttl=${d.before.ttl}) -> (${d.after.rdata}${am} ttl=${d.after.ttl})`);
    }
  }
}

/** The lines of one Change (several at rrset, label and zone granularity). */
export function changeLines(c: Change): string[] {
  return c.details.map(changeLine);
}

function q(s: string): string {
  return JSON.stringify(s);
}

function tokens(rdata: string): string[] {
  return rdata.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

/**
 * A record as a line to paste into dnsconfig.ts (`A("foo.example.com.", "1.2.3.4")`), as DNSControl
 * lists the records IGNORE / NO_PURGE kept; types without a simple builder form are shown as a
 * zone-file line in a comment.
 */
export function recordDsl(r: DnsRecord): string {
  const fqdn = q(`${r.name}.`);
  const t = tokens(r.rdata);
  switch (r.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'ALIAS':
    case 'DNAME':
      return sanitize(`${r.type}(${fqdn}, ${q(r.rdata)})`);
    case 'TXT':
      return sanitize(`TXT(${fqdn}, ${q(recordTarget(r))})`);
    case 'MX':
      if (t.length === 2) return sanitize(`MX(${fqdn}, ${t[0]}, ${q(t[1] as string)})`);
      break;
    case 'SRV':
      if (t.length === 4) return sanitize(`SRV(${fqdn}, ${t[0]}, ${t[1]}, ${t[2]}, ${q(t[3] as string)})`);
      break;
    case 'CAA':
      if (t.length === 3) {
        const critical = t[0] === '128' ? ', CAA_CRITICAL' : '';
        return sanitize(`CAA(${fqdn}, ${q(t[1] as string)}, ${q(recordTarget(r))}${critical})`);
      }
      break;
  }
  return sanitize(`// ${r.name}. ${r.ttl} ${r.type} ${r.rdata}`);
}

/** A message and the records it lists (the first `reportMax`, then "...and N more..."). */
export function messageLines(m: DiffMessage, reportMax: number | undefined): string[] {
  const recs = m.records ?? [];
  if (recs.length === 0) return [sanitize(m.text)];
  const shown = reportMax === undefined ? recs : recs.slice(0, reportMax);
  const lines = [sanitize(`${m.text}:`), ...shown.map((r) => `    ${recordDsl(r)},`)];
  if (shown.length < recs.length) lines.push(`    ...and ${recs.length - shown.length} more... (use --full to show all)`);
  return lines;
}
