/**
 * One case per class of zone-file error: our reader must refuse it with a stable code at the right
 * line, and named-checkzone must refuse the same file (at the same line, when it names one).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readZone } from '../../../providers/bind/zonefile-reader.js';
import { checkzone, tempDir, writeText, zoneHead } from './helpers.js';

const ZONE = 'example.com';
const HEAD_LINES = 3;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface ErrorCase {
  readonly name: string;
  /** Zone text after the standard three-line head (unless `raw`). */
  readonly body: string;
  readonly code: string;
  /** 1-based line of the error in the whole file. */
  readonly line: number;
  /** The body is the whole file (no head). */
  readonly raw?: boolean;
  /** named-checkzone reports this class without a line number. */
  readonly bindNoLine?: boolean;
}

const L = (n: number): number => HEAD_LINES + n;
const long = 'a'.repeat(256);

const CASES: ErrorCase[] = [
  { name: 'bad dotted quad', body: 'x A 1.2.3\n', code: 'invalid-ipv4', line: L(1) },
  { name: 'bad IPv6 address', body: 'x AAAA 2001:db8::g\n', code: 'invalid-ipv6', line: L(1) },
  { name: 'CNAME and other data', body: 'x A 192.0.2.1\nx CNAME y\n', code: 'zonefile-cname-and-other', line: L(2) },
  { name: 'CNAME and other data (CNAME first)', body: 'x CNAME y\nx TXT "t"\n', code: 'zonefile-cname-and-other', line: L(2) },
  { name: 'two different CNAMEs', body: 'x CNAME a\nx CNAME b\n', code: 'zonefile-multiple-singleton', line: L(2) },
  { name: 'two different SOAs', body: '@ SOA ns2.example.net. h 1 2 3 4 5\n', code: 'zonefile-multiple-singleton', line: L(1) },
  { name: 'SOA not at the apex', body: 'x SOA ns2.example.net. h 1 2 3 4 5\n', code: 'zonefile-soa-not-at-apex', line: L(1) },
  { name: 'unknown type', body: 'x FOO 1.2.3.4\n', code: 'zonefile-unknown-type', line: L(1) },
  { name: 'meta type', body: 'x AXFR \\# 0\n', code: 'zonefile-meta-type', line: L(1) },
  { name: 'obsolete type', body: 'x MD host.example.net.\n', code: 'zonefile-obsolete-type', line: L(1) },
  { name: 'TYPEnnn without the \\# form', body: 'x TYPE65280 0a\n', code: 'unknown-type-needs-generic', line: L(1) },
  { name: '\\# length that does not match its data', body: 'x A \\# 3 0a0000\n', code: 'wire-truncated', line: L(1) },
  { name: 'missing rdata field', body: 'x MX 10\n', code: 'missing-field', line: L(1) },
  { name: 'TTL with a number after the last unit', body: 'x 1h30 A 192.0.2.1\n', code: 'zonefile-bad-ttl', line: L(1) },
  { name: 'TTL too large for 32 bits', body: 'x 4294967296 A 192.0.2.1\n', code: 'zonefile-bad-ttl', line: L(1) },
  { name: 'bad $TTL', body: '$TTL 1x\n', code: 'zonefile-bad-ttl', line: L(1), bindNoLine: true },
  { name: 'extra text after $TTL', body: '$TTL 60 extra\n', code: 'zonefile-extra-input', line: L(1) },
  { name: 'unknown directive', body: '$FOO bar\n', code: 'zonefile-unknown-directive', line: L(1) },
  { name: 'class other than IN', body: 'x CH A 192.0.2.1\n', code: 'zonefile-bad-class', line: L(1) },
  { name: 'class after the type', body: 'x A IN 192.0.2.1\n', code: 'too-many-fields', line: L(1) },
  { name: 'unbalanced parentheses (never closed)', body: 'x MX ( 10 y\nz A 192.0.2.1\n', code: 'zonefile-unbalanced-parens', line: L(1) },
  { name: 'unbalanced parentheses (close without open)', body: 'x A 192.0.2.1 )\n', code: 'zonefile-unbalanced-parens', line: L(1) },
  { name: 'unbalanced quotes', body: 'x TXT "abc\ny A 192.0.2.1\n', code: 'zonefile-unbalanced-quotes', line: L(1) },
  { name: 'escape above \\255', body: 'x TXT "\\256"\n', code: 'zonefile-bad-escape', line: L(1) },
  { name: 'escape with two digits', body: 'x TXT "\\25"\n', code: 'zonefile-bad-escape', line: L(1) },
  { name: 'backslash at the end of a line outside quotes', body: 'x TXT ab\\\ncd\n', code: 'zonefile-bad-escape', line: L(1) },
  { name: 'character-string over 255 octets', body: `x TXT "${long}"\n`, code: 'string-too-long', line: L(1) },
  { name: 'label over 63 octets', body: `${'a'.repeat(64)} A 192.0.2.1\n`, code: 'label-too-long', line: L(1) },
  { name: 'empty label', body: 'a..b A 192.0.2.1\n', code: 'empty-label', line: L(1) },
  { name: 'record without a type', body: 'x 300 IN\n', code: 'zonefile-missing-type', line: L(1) },
  {
    name: 'no TTL anywhere before the first record',
    body: `x A 192.0.2.1\n@ SOA ns1.example.net. h 1 2 3 4 5\n@ NS ns1.example.net.\n`,
    code: 'zonefile-no-ttl',
    line: 1,
    raw: true,
  },
  {
    name: 'first record without an owner',
    body: `$TTL 300\n A 192.0.2.1\n@ SOA ns1.example.net. h 1 2 3 4 5\n@ NS ns1.example.net.\n`,
    code: 'zonefile-no-owner',
    line: 2,
    raw: true,
  },
  { name: '$INCLUDE of a missing file', body: '$INCLUDE missing.zone\n', code: 'zonefile-include-not-found', line: L(1) },
];

describe('zone-file errors: ours and named-checkzone agree', () => {
  it.each(CASES)('$name', (c) => {
    const text = c.raw ? c.body : zoneHead() + c.body;
    const file = writeText(tmp.dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.zone`, text);
    const ours = readZone(text, { origin: ZONE, file });
    const errors = ours.diagnostics.filter((d) => d.severity === 'error');
    expect(ours.ok).toBe(false);
    expect(errors[0]).toMatchObject({ code: c.code, source: { file, line: c.line } });
    const bind = checkzone(ZONE, file);
    expect(bind.ok, bind.output).toBe(false);
    if (!c.bindNoLine) expect(bind.lines, bind.output).toContain(c.line);
  });

  it('names the column of the offending token', () => {
    const ours = readZone(`${zoneHead()}x   IN   A   1.2.3\n`, { origin: ZONE, file: 'z.zone' });
    expect(ours.diagnostics[0]?.source).toEqual({ file: 'z.zone', line: 4, column: 14 });
  });

  it('out-of-zone data: both ignore the record with a warning', () => {
    const text = `${zoneHead()}x.example.org. A 192.0.2.1\n  TXT "same owner, also out"\ny A 192.0.2.2\n`;
    const file = writeText(tmp.dir, 'out-of-zone.zone', text);
    const ours = readZone(text, { origin: ZONE, file });
    expect(ours.ok).toBe(true);
    expect(ours.diagnostics).toMatchObject([
      { code: 'zonefile-out-of-zone', severity: 'warning', source: { line: 4 } },
      { code: 'zonefile-out-of-zone', severity: 'warning', source: { line: 5 } },
    ]);
    expect(ours.records.map((r) => r.name)).not.toContain('x.example.org');
    const bind = checkzone(ZONE, file);
    expect(bind.ok).toBe(true);
    expect(bind.output).toMatch(/:4: ignoring out-of-zone data/);
  });

  it('a relative name with no origin known is refused (named-checkzone always has one, so only ours)', () => {
    const ours = readZone('$TTL 60\nwww A 192.0.2.1\n$ORIGIN example.com.\nok A 192.0.2.2\n', { origin: null, file: 'z.zone' });
    expect(ours.diagnostics).toMatchObject([{ code: 'zonefile-no-origin', source: { line: 2 } }]);
    expect(ours.records).toEqual([{ name: 'ok.example.com', type: 'A', ttl: 60, rdata: '192.0.2.2' }]);
  });

  it('collects every error of a file, not only the first', () => {
    const ours = readZone(`${zoneHead()}a A 1.2.3\nb AAAA zz\nc FOO x\nd A 192.0.2.1\n`, { origin: ZONE, file: 'z.zone' });
    expect(ours.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['invalid-ipv4', 4],
      ['invalid-ipv6', 5],
      ['zonefile-unknown-type', 6],
    ]);
    expect(ours.records.map((r) => r.name)).toContain('d.example.com');
  });

  it('stops after maxErrors errors', () => {
    const body = Array.from({ length: 50 }, (_, i) => `h${i} A 1.2.3\n`).join('');
    const ours = readZone(zoneHead() + body, { origin: ZONE, file: 'z.zone', maxErrors: 5 });
    expect(ours.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(5);
  });
});
