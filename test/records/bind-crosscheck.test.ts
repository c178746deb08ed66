import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalRdata, rdataFromArgs, rdataToWire, zoneFileRdata } from '../../src/records/registry.js';
import { ARG_CASES, CANONICAL, NORMALISE, ZONE } from './samples.js';

/**
 * Cross-checks against BIND 9 (named-compilezone and named-rrchecker, installed from Debian):
 * BIND's canonical text of each record, parsed by us, must equal our canonical text, and BIND's
 * wire bytes (`named-rrchecker -u`) must equal ours.
 */

const NOT_FOR_BIND = new Set(['ALIAS', 'R53_ALIAS']);

/** BIND 9.18 knows neither the ohttp key name (RFC 9540) nor ech=IGNORE (a DSL placeholder). */
function forBind(rdata: string): string {
  return rdata.replace(/ ohttp\b/, ' key8');
}

const samples: (readonly [string, string])[] = [
  ...ARG_CASES.map(([t, a]) => [t, rdataFromArgs(t, a, { zone: ZONE })] as const),
  ...CANONICAL,
].filter(([t, r]) => !NOT_FOR_BIND.has(t) && !r.includes('ech=IGNORE'));

const dir = mkdtempSync(join(tmpdir(), 'zonesmith-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(lines: string[]): Map<string, [string, string]> {
  const file = join(dir, 'cross.zone');
  const head = ['$ORIGIN example.test.', '$TTL 300', '@ IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 86400', '@ IN NS ns1.example.test.', 'ns1 IN A 192.0.2.53'];
  writeFileSync(file, [...head, ...lines, ''].join('\n'));
  const out = execFileSync('named-compilezone', ['-k', 'ignore', '-i', 'none', '-q', '-o', '-', 'example.test', file], { encoding: 'utf8' });
  const byOwner = new Map<string, [string, string]>();
  for (const line of out.split('\n')) {
    const m = /^(\S+)\s+\d+\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (m) byOwner.set(m[1] as string, [m[2] as string, m[3] as string]);
  }
  return byOwner;
}

describe('named-compilezone agrees on canonical text', () => {
  it('for every sample written as a zone file', () => {
    const lines: string[] = [];
    const expected = new Map<string, [string, string]>();
    samples.forEach(([type, rdata], i) => {
      if (type === 'SOA') return; // only at the apex; covered by named-rrchecker below
      lines.push(`r${i} IN ${type} ${forBind(zoneFileRdata({ type, rdata }))}`);
      expected.set(`r${i}.example.test.`, [type, rdata]);
    });
    const bind = compile(lines);
    expect(bind.size).toBe(expected.size + 2);
    for (const [owner, [type, rdata]] of expected) {
      const got = bind.get(owner);
      expect(got, owner).toBeDefined();
      const [btype, brdata] = got as [string, string];
      expect(canonicalRdata(btype, brdata, '.'), `${owner} ${type} (BIND: ${brdata})`).toBe(rdata);
    }
  });

  it('for non-canonical input read under each $ORIGIN', () => {
    const lines: string[] = [];
    const expected = new Map<string, [string, string]>();
    NORMALISE.forEach(([type, input, origin, canonical, note], i) => {
      if (note !== undefined || type === 'SOA') return; // SOA only at the apex: named-rrchecker covers it
      lines.push(`$ORIGIN ${origin.endsWith('.') ? origin : `${origin}.`}`, `n${i}.example.test. IN ${type} ${input}`);
      expected.set(`n${i}.example.test.`, [type, canonical]);
    });
    const bind = compile(lines);
    expect(expected.size).toBeGreaterThan(25);
    for (const [owner, [type, canonical]] of expected) {
      const [btype, brdata] = bind.get(owner) as [string, string];
      expect(canonicalRdata(btype, brdata, '.'), `${owner} ${type} (BIND: ${brdata})`).toBe(canonical);
    }
  });
});

function rrchecker(args: string[], input: string): string {
  return execFileSync('named-rrchecker', args, { input, encoding: 'utf8' }).trim();
}

describe('named-rrchecker agrees on wire bytes and text', () => {
  const soa = NORMALISE.filter(([t, , , , note]) => t === 'SOA' && note === undefined).map(([t, i, o, c]) => [t, i, o, c] as const);
  it.each(soa)('%s %s', (type, input, origin, canonical) => {
    const printed = rrchecker(['-p', '-o', origin], `IN ${type} ${input}\n`).replace(/^IN\s+\S+\s+/, '');
    expect(canonicalRdata(type, printed, '.')).toBe(canonical);
  });

  it.each(samples.map(([t, r]) => [t, r.slice(0, 60), r] as const))('%s %s', (type, _l, rdata) => {
    const text = forBind(zoneFileRdata({ type, rdata }));
    const unknown = rrchecker(['-u', '-o', '.'], `IN ${type} ${text}\n`);
    const m = /\\# (\d+) ?([0-9A-F ]*)$/.exec(unknown);
    expect(m, unknown).not.toBeNull();
    const bindHex = (m?.[2] ?? '').replace(/ /g, '').toLowerCase();
    expect(Buffer.from(rdataToWire(type, rdata)).toString('hex')).toBe(bindHex);
    const printed = rrchecker(['-p', '-o', '.'], `IN ${type} ${text}\n`).replace(/^IN\s+\S+\s+/, '');
    expect(canonicalRdata(type, printed, '.')).toBe(rdata);
  });
});
