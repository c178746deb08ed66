import { describe, expect, it } from 'vitest';
import { diffZone } from '../../src/diff/diff-zone.js';
import type { IrHandsOff, IrIgnoreRule } from '../../src/ir/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { rec, showChange, ZONE } from './helpers.js';

const src = (line: number) => ({ file: 'dnsconfig.ts', line, column: 3 });
const ignore = (label: string, types = '*', target = '*', line = 9): IrIgnoreRule => ({ label, types, target, source: src(line) });
const rules = (over: Partial<IrHandsOff>): IrHandsOff => ({ purge: true, ignores: [], disableIgnoreSafetyCheck: false, ...over });

function run(existing: DnsRecord[], desired: DnsRecord[], handsOff: IrHandsOff, absent: DnsRecord[] = []) {
  return diffZone({ zone: ZONE, desired, existing, absent, handsOff, granularity: 'record' });
}

const labels = (recs: readonly DnsRecord[] | undefined) =>
  (recs ?? []).map((r) => `${r.name === ZONE ? '@' : r.name.replace(`.${ZONE}`, '')} ${r.type} ${r.rdata}`);

// Zones from DNSControl's pkg/diff2/handsoff_test.go (foo1..foo3 in f.com), restated here.
const foo = [rec('foo1', 'A', '1.1.1.1'), rec('foo2', 'A', '2.2.2.2'), rec('foo3', 'A', '3.3.3.3')];

describe('NO_PURGE', () => {
  it('without NO_PURGE, a record not in the config is deleted', () => {
    const { diff } = run(foo, foo.slice(0, 2), rules({}));
    expect(diff.changes.map(showChange)).toEqual(['delete foo3 A [3.3.3.3/300] -> [] {- A 3.3.3.3/300}']);
    expect(diff.messages).toEqual([]);
  });

  it('keeps a record whose label+type is not in the config, and reports it', () => {
    const { diff } = run(foo, foo.slice(0, 2), rules({ purge: false }));
    expect(diff.changes).toEqual([]);
    expect(diff.messages.map((m) => [m.kind, m.code, m.text, labels(m.records)])).toEqual([
      ['info', 'kept-no-purge', '1 records not being deleted because of NO_PURGE', ['foo3 A 3.3.3.3']],
    ]);
    expect(labels(diff.desiredPlus)).toEqual(['foo1 A 1.1.1.1', 'foo2 A 2.2.2.2', 'foo3 A 3.3.3.3']);
  });

  it('does not protect a record whose label+type the config also writes: it is changed to match', () => {
    const existing = [rec('www', 'A', '1.1.1.1'), rec('www', 'A', '2.2.2.2')];
    const { diff } = run(existing, [rec('www', 'A', '1.1.1.1')], rules({ purge: false }));
    expect(diff.changes.map(showChange)).toEqual(['delete www A [2.2.2.2/300] -> [] {- A 2.2.2.2/300}']);
    expect(diff.messages).toEqual([]);
  });

  it('still creates and updates', () => {
    const { diff } = run(foo, [rec('foo1', 'A', '9.9.9.9'), rec('new', 'A', '4.4.4.4')], rules({ purge: false }));
    expect(diff.changes.map(showChange)).toEqual([
      'update foo1 A [1.1.1.1/300] -> [9.9.9.9/300] {~ A 1.1.1.1/300 -> 9.9.9.9/300}',
      'create new A [] -> [4.4.4.4/300] {+ A 4.4.4.4/300}',
    ]);
    expect(labels(diff.messages[0]?.records)).toEqual(['foo2 A 2.2.2.2', 'foo3 A 3.3.3.3']);
  });
});

describe('ENSURE_ABSENT_REC', () => {
  it('deletes the record even under NO_PURGE', () => {
    const { diff } = run(foo, foo.slice(0, 2), rules({ purge: false }), [rec('foo3', 'A', '3.3.3.3')]);
    expect(diff.changes.map(showChange)).toEqual(['delete foo3 A [3.3.3.3/300] -> [] {- A 3.3.3.3/300}']);
    expect(diff.messages).toEqual([]);
  });

  it('matches on the value: another record at the same label+type stays under NO_PURGE', () => {
    const existing = [rec('foo3', 'A', '3.3.3.3'), rec('foo3', 'A', '3.3.3.4')];
    const { diff } = run(existing, [], rules({ purge: false }), [rec('foo3', 'A', '3.3.3.3')]);
    expect(diff.changes.map(showChange)).toEqual(['delete foo3 A [3.3.3.3/300] -> [] {- A 3.3.3.3/300}']);
    expect(labels(diff.messages[0]?.records)).toEqual(['foo3 A 3.3.3.4']);
  });

  it('wins over the same record written in the config, with a warning at its location', () => {
    const written = rec('foo3', 'A', '3.3.3.3', 300, { source: src(4) });
    const { diff, diagnostics } = run(foo, [...foo.slice(0, 2), written], rules({}), [rec('foo3', 'A', '3.3.3.3')]);
    expect(diff.changes.map(showChange)).toEqual(['delete foo3 A [3.3.3.3/300] -> [] {- A 3.3.3.3/300}']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.source?.line])).toEqual([['warning', 'absent-and-desired', 4]]);
  });

  it('is nothing when the record does not exist', () => {
    const { diff } = run(foo, foo, rules({}), [rec('gone', 'A', '5.5.5.5')]);
    expect(diff.changes).toEqual([]);
  });
});

describe('IGNORE', () => {
  it('IGNORE_NAME keeps every type at the label (DNSControl Test_ignore_lab)', () => {
    const existing = [...foo, rec('foo3', 'MX', '10 mymx.example.com.')];
    const { diff, diagnostics } = run(existing, foo.slice(0, 2), rules({ ignores: [ignore('foo3')] }));
    expect(diagnostics).toEqual([]);
    expect(diff.changes).toEqual([]);
    expect(diff.messages.map((m) => [m.code, m.text, labels(m.records)])).toEqual([
      ['kept-ignore', '2 records not being deleted because of IGNORE*()', ['foo3 A 3.3.3.3', 'foo3 MX 10 mymx.example.com.']],
    ]);
  });

  it('IGNORE_NAME with a type list keeps only those types (Test_ignore_labAndType)', () => {
    const existing = [...foo, rec('foo3', 'MX', '10 mymx.example.com.'), rec('foo3', 'TXT', '"x"')];
    const { diff } = run(existing, foo, rules({ ignores: [ignore('foo3', 'MX, TXT ')] }));
    expect(diff.changes).toEqual([]);
    expect(labels(diff.messages[0]?.records)).toEqual(['foo3 MX 10 mymx.example.com.', 'foo3 TXT "x"']);
  });

  it('IGNORE_TARGET with ** crosses dots in the target (Test_ignore_target)', () => {
    const existing = [foo[0] as DnsRecord, rec('_2222222222222222.cr', 'CNAME', '_333333.nnn.acm-validations.aws.')];
    const desired = [foo[0] as DnsRecord, rec('foo3', 'MX', '10 mymx.example.com.')];
    const { diff } = run(existing, desired, rules({ ignores: [ignore('*', 'CNAME', '**.acm-validations.aws.')] }));
    expect(diff.changes.map(showChange)).toEqual(['create foo3 MX [] -> [10 mymx.example.com./300] {+ MX 10 mymx.example.com./300}']);
    expect(labels(diff.messages[0]?.records)).toEqual(['_2222222222222222.cr CNAME _333333.nnn.acm-validations.aws.']);
  });

  it('label globs: * stays within one label, ** crosses, @ is the apex', () => {
    const existing = [
      rec('dyn-1', 'A', '10.0.0.1'),
      rec('a.dyn-2', 'A', '10.0.0.2'),
      rec('x.y.lab', 'A', '10.0.0.3'),
      rec('@', 'TXT', '"apex"'),
      rec('www', 'TXT', '"not apex"'),
    ];
    const { diff } = run(existing, [], rules({ ignores: [ignore('dyn-*'), ignore('**.lab'), ignore('@', 'TXT')] }));
    expect(diff.changes.map(showChange)).toEqual([
      'delete a.dyn-2 A [10.0.0.2/300] -> [] {- A 10.0.0.2/300}',
      'delete www TXT ["not apex"/300] -> [] {- TXT "not apex"/300}',
    ]);
    expect(labels(diff.messages[0]?.records)).toEqual(['dyn-1 A 10.0.0.1', 'x.y.lab A 10.0.0.3', '@ TXT "apex"']);
  });

  it('a target glob lets the config and another system share one label+type', () => {
    const existing = [rec('www', 'A', '1.1.1.1'), rec('www', 'A', '10.9.0.1')];
    // As in DNSControl, `*` crosses dots, so `10.9.*` covers the address range (and `**` is the same).
    const double = run(existing, [rec('www', 'A', '2.2.2.2')], rules({ ignores: [ignore('*', 'A', '10.9.**')] }));
    expect(double.diff.counts).toEqual({ create: 0, update: 1, delete: 0 });
    const other = run(existing, [rec('www', 'A', '2.2.2.2')], rules({ ignores: [ignore('*', 'A', '10.19.*')] }));
    expect(other.diff.counts).toEqual({ create: 0, update: 1, delete: 1 });
    const { diff } = run(existing, [rec('www', 'A', '2.2.2.2')], rules({ ignores: [ignore('*', 'A', '10.9.*')] }));
    expect(diff.changes.map(showChange)).toEqual(['update www A [1.1.1.1/300] -> [2.2.2.2/300] {~ A 1.1.1.1/300 -> 2.2.2.2/300}']);
    const rrset = diffZone({ zone: ZONE, desired: [rec('www', 'A', '2.2.2.2')], existing, absent: [], handsOff: rules({ ignores: [ignore('*', 'A', '10.9.*')] }), granularity: 'rrset' });
    // The rrset sent to the provider keeps the ignored value.
    expect(rrset.diff.changes.map(showChange)).toEqual([
      'update www A [1.1.1.1/300 10.9.0.1/300] -> [10.9.0.1/300 2.2.2.2/300] {~ A 1.1.1.1/300 -> 2.2.2.2/300}',
    ]);
  });

  it('matches TXT targets on the text and MX targets on the exchange', () => {
    const existing = [rec('_acme-challenge', 'TXT', '"token-123"'), rec('@', 'MX', '10 mx.mailer.example.net.')];
    const { diff } = run(existing, [], rules({ ignores: [ignore('*', 'TXT', 'token-*'), ignore('@', 'MX', '*.mailer.example.net.')] }));
    expect(diff.changes).toEqual([]);
  });

  it('the safety check: a desired record an IGNORE matches is an error at the record, and nothing changes', () => {
    const desired = [rec('foo1', 'A', '1.1.1.1', 300, { source: src(3) }), rec('foo3', 'A', '3.3.3.3', 300, { source: src(5) })];
    const { diff, diagnostics } = run(foo, desired, rules({ ignores: [ignore('foo3', '*', '*', 12)] }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'ignored-record-desired', source: src(5), domain: ZONE });
    expect(diagnostics[0]?.message).toBe(
      'foo3.example.com A 3.3.3.3 is in the config but also matches IGNORE("foo3", "*", "*") at dnsconfig.ts:12:3; ' +
        'unsafe to continue (add DISABLE_IGNORE_SAFETY_CHECK to D() to override)',
    );
    expect(diff.changes).toEqual([]);
    expect(diff.desiredPlus).toEqual(foo);
  });

  it('with DISABLE_IGNORE_SAFETY_CHECK the conflict is a warning and the record is kept once', () => {
    const desired = [rec('foo1', 'A', '1.1.1.1'), rec('foo3', 'A', '3.3.3.3', 300, { source: src(5) })];
    const { diff, diagnostics } = run(foo, desired, rules({ ignores: [ignore('foo3')], disableIgnoreSafetyCheck: true }));
    expect(diagnostics.map((d) => [d.severity, d.code, d.source?.line])).toEqual([['warning', 'ignored-record-desired', 5]]);
    expect(diff.changes.map(showChange)).toEqual(['delete foo2 A [2.2.2.2/300] -> [] {- A 2.2.2.2/300}']);
    expect(diff.messages.map((m) => [m.kind, m.code, labels(m.records)])).toEqual([['warning', 'ignored-and-desired', ['foo3 A 3.3.3.3']]]);
    expect(labels(diff.desiredPlus)).toEqual(['foo1 A 1.1.1.1', 'foo3 A 3.3.3.3']);
  });

  it('a bad glob is an error at the rule', () => {
    const { diff, diagnostics } = run(foo, [], rules({ ignores: [ignore('foo[', '*', '*', 7)] }));
    expect(diagnostics.map((d) => [d.severity, d.code, d.source?.line])).toEqual([['error', 'ignore-glob-invalid', 7]]);
    expect(diff.changes).toEqual([]);
  });

  it('IGNORE wins over ENSURE_ABSENT_REC for the same record, with a warning', () => {
    const { diff, diagnostics } = run(foo, foo.slice(0, 2), rules({ ignores: [ignore('foo3')] }), [rec('foo3', 'A', '3.3.3.3')]);
    expect(diff.changes).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['absent-ignored']);
  });
});
