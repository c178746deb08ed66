import { describe, expect, it } from 'vitest';
import type { RawSource } from '../../src/dsl/raw-types.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { validateRawConfig, type PosMapper } from '../../src/load/raw-schema.js';

const mapPos: PosMapper = (line, column) => (line === 999 ? undefined : { file: 'dnsconfig.ts', line: line - 1, column });

function goodDomain(): Record<string, unknown> {
  return {
    name: 'example.com',
    registrar: 'none',
    dnsProviders: [{ name: 'bind', nsCount: -1, pos: { line: 3, column: 5 } }],
    records: [{ type: 'MX', label: '@', args: [10, 'mail'], ttl: 300, meta: { a: { b: [1] } }, pos: { line: 4, column: 3 } }],
    absent: [],
    nameservers: [{ name: 'ns1.example.net.', pos: { line: 5, column: 3 } }],
    noPurge: false,
    ignores: [{ label: 'x', types: '*', target: '*', pos: { line: 6, column: 3 } }],
    ignoreExternalDns: { prefix: '' },
    disableIgnoreSafetyCheck: false,
    autoDnssec: 'on',
    meta: {},
    safety: { maxDeleteFraction: 0.5 },
    pos: { line: 2, column: 1 },
  };
}

function config(domain: Record<string, unknown> = goodDomain()): unknown {
  return {
    registrars: [{ name: 'none', type: null, meta: {}, pos: { line: 1, column: 13 } }],
    dnsProviders: [{ name: 'bind', type: 'BIND', meta: { x: 1 } }],
    domains: [domain],
  };
}

const errors = (value: unknown): string[] => validateRawConfig(value, mapPos).diagnostics.map(formatDiagnostic);

describe('validateRawConfig', () => {
  it('accepts a well-formed config and turns every pos into source', () => {
    const { config: out, diagnostics } = validateRawConfig(config(), mapPos);
    expect(diagnostics).toEqual([]);
    const at = (line: number, column: number): RawSource => ({ file: 'dnsconfig.ts', line: line - 1, column });
    expect(out?.registrars[0]?.source).toEqual(at(1, 13));
    const d = out?.domains[0];
    expect(d?.source).toEqual(at(2, 1));
    expect(d?.dnsProviders[0]?.source).toEqual(at(3, 5));
    expect(d?.records[0]?.source).toEqual(at(4, 3));
    expect(d?.nameservers[0]?.source).toEqual(at(5, 3));
    expect(d?.ignores[0]?.source).toEqual(at(6, 3));
    expect(JSON.stringify(out)).not.toContain('"pos"');
  });

  it('drops a position that maps to no user file, and a source the output brought itself', () => {
    const d = goodDomain();
    d['pos'] = { line: 999, column: 1 };
    d['source'] = { file: '/etc/passwd', line: 1, column: 1 };
    const { config: out } = validateRawConfig(config(d), mapPos);
    expect(out?.domains[0]).not.toHaveProperty('source');
    expect(out?.domains[0]).not.toHaveProperty('pos');
  });

  it.each([
    ['a missing array', (d: Record<string, unknown>) => delete d['records'], '$.domains[0].records: expected an array, got nothing'],
    ['a wrong type', (d: Record<string, unknown>) => (d['noPurge'] = 'yes'), '$.domains[0].noPurge: expected a boolean, got a string ("yes")'],
    ['a null optional', (d: Record<string, unknown>) => (d['defaultTtl'] = null), '$.domains[0].defaultTtl: expected a number, got null'],
    ['a bad enum', (d: Record<string, unknown>) => (d['autoDnssec'] = 'maybe'), '$.domains[0].autoDnssec: expected "on" or "off", got a string ("maybe")'],
    ['a bad record', (d: Record<string, unknown>) => ((d['records'] as unknown[])[0] = { type: 1, label: '@', args: 'x', meta: [] }),
      '$.domains[0].records[0].type: expected a string, got a number (1)'],
    ['a bad position', (d: Record<string, unknown>) => (d['pos'] = { line: '1', column: 1 }), '$.domains[0].pos: expected {line, column} integers'],
    ['a __proto__ key', (d: Record<string, unknown>) => (d['meta'] = JSON.parse('{"ok": {"__proto__": {"x": 1}}}')), '$.domains[0].meta.ok: has a "__proto__" key'],
    ['deep nesting', (d: Record<string, unknown>) => {
      let v: unknown = 1;
      for (let i = 0; i < 40; i++) v = [v];
      d['meta'] = { deep: v };
    }, `$.domains[0].meta.deep${'[0]'.repeat(31)}: nested more than 32 levels deep`],
  ])('refuses %s with the path to it', (_name, mutate, message) => {
    const d = goodDomain();
    mutate(d);
    expect(errors(config(d))[0]).toBe(`error[raw-invalid]: the DSL's output is malformed at ${message}`);
  });

  it('reports every problem of a record, not only the first', () => {
    const d = goodDomain();
    (d['records'] as unknown[])[0] = { type: 1, label: '@', args: 'x', meta: [] };
    expect(errors(config(d)).map((e) => e.replace(/^.* at /, ''))).toEqual([
      '$.domains[0].records[0].type: expected a string, got a number (1)',
      '$.domains[0].records[0].args: expected an array, got a string ("x")',
      '$.domains[0].records[0].meta: expected an object, got an array',
    ]);
  });

  it('keeps keys the contract does not name (a newer DSL), mapping positions inside them', () => {
    const d = goodDomain();
    d['future'] = { items: [{ name: 'x', pos: { line: 8, column: 2 } }] };
    const { config: out, diagnostics } = validateRawConfig(config(d), mapPos);
    expect(diagnostics).toEqual([]);
    expect((out?.domains[0] as unknown as { future: unknown }).future).toEqual({ items: [{ name: 'x', source: { file: 'dnsconfig.ts', line: 7, column: 2 } }] });
  });

  it('takes records with and without ttl and meta, keeping their keys in order and source last', () => {
    const site = (n: number): RawSource => ({ file: 'dnsconfig.ts', line: n, column: 1 });
    const records = [
      { type: 'A', label: 'a', args: ['192.0.2.1'], site: 1 },
      { type: 'A', label: 'b', args: ['192.0.2.2'], ttl: 60, site: 2 },
      { type: 'A', label: 'c', args: ['192.0.2.3'], meta: { x: 'y' }, site: 3 },
      { type: 'A', label: 'd', args: ['192.0.2.4'], ttl: 60, meta: { x: 'y' }, site: 4 },
      { type: 'A', label: 'e', args: ['192.0.2.5'], allowRepeatedDomain: true, site: 5 },
      { type: 'A', label: 'f', args: ['192.0.2.6'], meta: {}, ttl: 60, site: 6 },
    ];
    const d = { ...goodDomain(), records };
    const { config: out, diagnostics } = validateRawConfig(config(d), mapPos, site);
    expect(diagnostics).toEqual([]);
    expect(out?.domains[0]?.records.map((r) => Object.keys(r))).toEqual([
      ['type', 'label', 'args', 'source'],
      ['type', 'label', 'args', 'ttl', 'source'],
      ['type', 'label', 'args', 'meta', 'source'],
      ['type', 'label', 'args', 'ttl', 'meta', 'source'],
      ['type', 'label', 'args', 'allowRepeatedDomain', 'source'],
      ['type', 'label', 'args', 'meta', 'ttl', 'source'],
    ]);
    expect(out?.domains[0]?.records[3]).toEqual({ type: 'A', label: 'd', args: ['192.0.2.4'], ttl: 60, meta: { x: 'y' }, source: site(4) });
  });

  it('checks DSL-shaped records that hold nested values or an unknown site as any other record', () => {
    const site = (n: number): RawSource | undefined => (n === 9 ? undefined : { file: 'dnsconfig.ts', line: n, column: 1 });
    // The check replaces each record by its copy: every call gets new ones.
    const records = (): unknown[] => [
      { type: 'A', label: 'a', args: ['192.0.2.1'], meta: { x: { y: 1 } }, site: 1 },
      { type: 'A', label: 'b', args: ['192.0.2.2'], site: 9 },
    ];
    const d = goodDomain();
    d['records'] = [...records(), { type: 'TXT', label: 'c', args: ['x'], ttl: 'long', site: 3 }];
    const out = validateRawConfig(config(d), mapPos, site);
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([`error[raw-invalid]: the DSL's output is malformed at $.domains[0].records[2].ttl: expected a number, got a string ("long")`]);
    d['records'] = records();
    const { config: ok } = validateRawConfig(config(d), mapPos, site);
    expect(ok?.domains[0]?.records).toEqual([
      { type: 'A', label: 'a', args: ['192.0.2.1'], meta: { x: { y: 1 } }, source: site(1) },
      { type: 'A', label: 'b', args: ['192.0.2.2'] },
    ]);
    (d['records'] as unknown[])[0] = { type: 'A', label: 'a', args: [JSON.parse('{"__proto__": 1}')], site: 1 };
    expect(errors(config(d))[0]).toBe(`error[raw-invalid]: the DSL's output is malformed at $.domains[0].records[0].args[0]: has a "__proto__" key`);
  });

  it('refuses a record meta that is present but not an object, and a domain without meta', () => {
    const d = goodDomain();
    (d['records'] as unknown[])[0] = { type: 'A', label: '@', args: ['192.0.2.1'], meta: null };
    expect(errors(config(d))).toEqual([`error[raw-invalid]: the DSL's output is malformed at $.domains[0].records[0].meta: expected an object, got null`]);
    const e = goodDomain();
    delete e['meta'];
    expect(errors(config(e))).toEqual([`error[raw-invalid]: the DSL's output is malformed at $.domains[0].meta: expected an object, got nothing`]);
  });

  it('refuses what is not an object at the top', () => {
    expect(errors([])).toEqual([`error[raw-invalid]: the DSL's output is malformed at $: expected an object, got an array`]);
    expect(errors('x')).toEqual([`error[raw-invalid]: the DSL's output is malformed at $: expected an object, got a string ("x")`]);
  });
});
