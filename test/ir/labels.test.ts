// Owner names at the edges of what most labels look like: the common form is handled without the
// general path's lower-casing and regular expressions, and must give exactly what that path gives.
import { describe, expect, it } from 'vitest';
import { normalizeLabel, plainOwnerName } from '../../src/ir/labels.js';

const Z = 'example.com';
const ok = (short: string, fqdn: string) => ({ ok: true, short, fqdn });
const bad = (code: string, message: string) => ({ ok: false, issue: { code, severity: 'error', message } });
const a = (n: number) => 'a'.repeat(n);

describe('normalizeLabel', () => {
  it('keeps plain relative labels as written', () => {
    expect(normalizeLabel('www', Z, 'A', false)).toEqual(ok('www', 'www.example.com'));
    expect(normalizeLabel('a.b-c.d_e', Z, 'TXT', false)).toEqual(ok('a.b-c.d_e', 'a.b-c.d_e.example.com'));
    expect(normalizeLabel('0/26', Z, 'CNAME', false)).toEqual(ok('0/26', '0/26.example.com'));
    expect(normalizeLabel('xexample.com', Z, 'A', false)).toEqual(ok('xexample.com', 'xexample.com.example.com'));
    expect(normalizeLabel('*', Z, 'A', false)).toEqual(ok('*', '*.example.com'));
  });

  it('lower-cases and checks punycode', () => {
    expect(normalizeLabel('WWW.Sub', Z, 'A', false)).toEqual(ok('www.sub', 'www.sub.example.com'));
    expect(normalizeLabel('xn--bcher-kva', Z, 'A', false)).toEqual(ok('xn--bcher-kva', 'xn--bcher-kva.example.com'));
    expect(normalizeLabel('xn--a-b-c', Z, 'A', false)).toMatchObject({ ok: false, issue: { code: 'invalid-label' } });
  });

  it('applies the length limits of labels (63) and names (253)', () => {
    expect(normalizeLabel(a(63), Z, 'A', false)).toEqual(ok(a(63), `${a(63)}.example.com`));
    expect(normalizeLabel(`x.${a(64)}`, Z, 'A', false)).toEqual(bad('invalid-label', `label "x.${a(64)}" has a label of 64 characters; labels are at most 63`));
    const long = `${a(63)}.${a(63)}.${a(63)}.${a(49)}`;
    expect(normalizeLabel(long, Z, 'A', false)).toEqual(ok(long, `${long}.example.com`));
    expect(`${long}.example.com`).toHaveLength(253);
    expect(normalizeLabel(`${long}a`, Z, 'A', false)).toEqual(bad('invalid-label', `label "${long}a" makes a name of 254 characters; names are at most 253`));
  });

  it('reports empty labels', () => {
    expect(normalizeLabel('a..b', Z, 'A', false)).toEqual(bad('invalid-label', 'label "a..b" has an empty label'));
    expect(normalizeLabel('.a', Z, 'A', false)).toEqual(bad('invalid-label', 'label ".a" has an empty label'));
  });

  it('refuses a label that repeats the domain unless allowed', () => {
    expect(normalizeLabel('foo.example.com', Z, 'A', false)).toMatchObject({ ok: false, issue: { code: 'label-repeats-domain' } });
    expect(normalizeLabel('example.com', Z, 'A', false)).toMatchObject({ ok: false, issue: { code: 'label-repeats-domain' } });
    expect(normalizeLabel('foo.example.com', Z, 'A', true)).toEqual(ok('foo.example.com', 'foo.example.com.example.com'));
    expect(normalizeLabel('foo.example.com.', Z, 'A', false)).toEqual(ok('foo', 'foo.example.com'));
  });

  it('warns about underscores only where DNSControl does', () => {
    expect(normalizeLabel('a_b', Z, 'A', false)).toEqual({
      ...ok('a_b', 'a_b.example.com'),
      warning: { code: 'underscore-in-label', severity: 'warning', message: 'label a_b.example.com contains an underscore, which many resolvers and providers reject in A names' },
    });
    expect(normalizeLabel('a_b', Z, 'TXT', false)).toEqual(ok('a_b', 'a_b.example.com'));
    expect(normalizeLabel('_sip._tcp', Z, 'A', false)).toEqual(ok('_sip._tcp', '_sip._tcp.example.com'));
  });
});

describe('plainOwnerName', () => {
  it('gives normalizeLabel\'s owner name for the labels it takes, and leaves every other label to it', () => {
    const labels = [
      '@', 'www', 'a.b-c.d_e', '0/26', 'xexample.com', '*', 'WWW.Sub', 'example.com', 'www.example.com', 'www.example.com.',
      '', 'a..b', 'xn--bcher-kva', 'bücher', a(63), a(64), `${a(63)}.${a(63)}.${a(63)}.${a(55)}`, `${a(63)}.${a(63)}.${a(63)}.${a(60)}`,
      'a_b', '_sip._tcp', 'x_y', 'sql-x_y', 42, undefined,
    ];
    let taken = 0;
    for (const label of labels) {
      for (const type of ['A', 'TXT']) {
        for (const allow of [false, true]) {
          const fast = plainOwnerName(label, Z, type, allow);
          if (fast === undefined) continue;
          taken++;
          expect(normalizeLabel(label, Z, type, allow), `${String(label)} ${type} ${allow}`).toEqual(ok(label as string, fast));
        }
      }
    }
    expect(taken).toBeGreaterThan(20);
    expect(plainOwnerName('x_y', Z, 'A', false)).toBeUndefined();
    expect(plainOwnerName('www.example.com', Z, 'A', false)).toBeUndefined();
    expect(plainOwnerName('www.example.com', Z, 'A', true)).toBe('www.example.com.example.com');
  });
});
