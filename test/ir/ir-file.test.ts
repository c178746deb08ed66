import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { irToJson, parseIr, readIr } from '../../src/ir/ir-file.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import type { IrConfig } from '../../src/ir/types.js';
import { rawConfig } from './support/evaluate.js';

const CONFIG = `
var REG = NewRegistrar("none");
var DNS = NewDnsProvider("bind", "BIND", {directory: "zones"});
D("example.com", REG, DnsProvider(DNS), DefaultTTL(600), NAMESERVER("ns1.example.net."), NO_PURGE,
    IGNORE("legacy-*", "A,AAAA"), {no_ns: "true"},
    A("@", "192.0.2.1"),
    MX("@", 10, "mail"),
    TXT("@", "v=spf1 \\"quoted\\" -all"),
    CNAME("www", "@", TTL(60), {cloudflare_proxy: "on"}),
    A("old", "192.0.2.9", ENSURE_ABSENT_REC()),
);
D("bücher.example!inside", REG, A("@", "10.0.0.1"));
`;

async function configIr(): Promise<IrConfig> {
  const { ir, diagnostics } = normalizeConfig(await rawConfig(CONFIG, 'dnsconfig.js'));
  expect(diagnostics).toEqual([]);
  return ir;
}

/** A small IR as another language's generator might write it: derivable fields left out, no sources. */
function generated(records: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      version: 1,
      registrars: [{ name: 'none', type: 'NONE', meta: {} }],
      dnsProviders: [{ name: 'bind', type: 'BIND', meta: {} }],
      domains: [{ name: 'example.com', registrar: 'none', dnsProviders: [{ name: 'bind', nameserverCount: -1 }], records, ...extra }],
    },
    null,
    2,
  );
}

function codes(json: string): string[] {
  return parseIr(json, 'gen.json').diagnostics.map((d) => `${d.code} ${d.source ? `${d.source.line}:${d.source.column}` : '-'} ${d.message}`);
}

describe('irToJson', () => {
  it('writes a stable, pretty document with every field', async () => {
    const ir = await configIr();
    const json = irToJson(ir);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "version": 1,\n');
    expect(irToJson(await configIr())).toBe(json);
    const doc = JSON.parse(json) as { domains: Array<Record<string, unknown>> };
    const d0 = doc.domains[0] as Record<string, unknown>;
    expect(Object.keys(d0)).toEqual([
      'name', 'unicodeName', 'tag', 'uniqueName', 'registrar', 'dnsProviders', 'nameservers', 'nameserverTtl', 'defaultTtl',
      'records', 'absent', 'handsOff', 'meta', 'source',
    ]);
    expect(d0['nameservers']).toEqual([{ name: 'ns1.example.net.', source: { file: 'dnsconfig.js', line: 4, column: 58 } }]);
    expect(d0['handsOff']).toMatchObject({ purge: false, ignores: [{ label: 'legacy-*', types: 'A,AAAA', target: '*' }] });
    expect(doc.domains[1]).toMatchObject({ name: 'xn--bcher-kva.example', unicodeName: 'bücher.example', tag: 'inside', uniqueName: 'xn--bcher-kva.example!inside' });
  });
});

describe('parseIr', () => {
  it('reads back exactly what irToJson wrote', async () => {
    const ir = await configIr();
    const { ir: back, diagnostics } = parseIr(irToJson(ir), 'ir.json');
    expect(diagnostics).toEqual([]);
    expect(back).toEqual(ir);
    expect(irToJson(back)).toBe(irToJson(ir));
  });

  it('accepts a generator file without derivable fields and canonicalises its rdata', () => {
    const ir = readIr(
      generated([
        { name: 'example.com', type: 'mx', ttl: 300, rdata: '10 MAIL' },
        { name: 'WWW.example.com.', type: 'CNAME', ttl: 300, rdata: 'example.com.' },
        { name: 'example.com', type: 'TXT', ttl: 300, rdata: '"a" "b"', meta: { note: 'x' } },
      ]),
      'gen.json',
    );
    const d = ir.domains[0];
    expect(d).toMatchObject({ name: 'example.com', unicodeName: 'example.com', tag: '', uniqueName: 'example.com', nameserverTtl: 300, absent: [], meta: {} });
    expect(d?.handsOff).toEqual({ purge: true, ignores: [], disableIgnoreSafetyCheck: false });
    expect(d?.records).toEqual([
      { name: 'example.com', type: 'MX', ttl: 300, rdata: '10 mail.example.com.' },
      { name: 'www.example.com', type: 'CNAME', ttl: 300, rdata: 'example.com.' },
      { name: 'example.com', type: 'TXT', ttl: 300, rdata: '"ab"', meta: { note: 'x' } },
    ]);
  });

  it('reports a JSON syntax error at its line and column', () => {
    expect(codes('{\n  "version": 1,\n  "domains": [}\n}')).toEqual(['ir-json-syntax 3:15 gen.json is not valid JSON: unexpected "}"']);
    expect(codes('')).toEqual(['ir-json-syntax 1:1 gen.json is not valid JSON: the text ends too early']);
  });

  it('refuses another IR version before looking at the rest', () => {
    expect(codes('{\n  "version": 2,\n  "domains": 5\n}')).toEqual(['ir-version 2:14 IR version 2 is not supported; this zonesmith reads version 1']);
  });

  it('reports every shape error with its path and place', () => {
    const json = JSON.stringify(
      {
        version: 1,
        registrars: [{ name: '', meta: {} }],
        dnsProviders: {},
        domains: [
          {
            name: 'example.com',
            registrar: 'none',
            dnsProviders: [{ name: 'bind', nameserverCount: -2 }],
            records: [
              { name: 'a.example.com', type: 'A', ttl: 0, rdata: '192.0.2.1' },
              { name: 'b.example.com', type: 'A', rdata: 5 },
              { name: 'c.example.com', type: 'A', ttl: 60, rdata: '192.0.2.3', tll: 60 },
              { name: 'd.example.com', type: 'A', ttl: 60, rdata: '192.0.2.3', meta: { n: 1 }, source: { file: 'x', line: 0, column: 1 } },
            ],
            handsOff: { purge: 'no' },
            safety: { maxDeleteFraction: 1.5 },
            uniqueName: 'other.com',
          },
        ],
      },
      null,
      2,
    );
    expect(codes(json).map((c) => c.replace(/ \d+:\d+ /, ' '))).toEqual([
      'ir-shape registrars[0].name: expected a non-empty string',
      'ir-shape dnsProviders: expected an array',
      'ir-shape domains[0].dnsProviders[0].nameserverCount: expected an integer, -1 or more',
      'ir-shape domains[0].records[0].ttl: expected a positive integer (a TTL of 1-2147483647 seconds)',
      'ir-shape domains[0].records[1]: missing field "ttl"',
      'ir-shape domains[0].records[1].rdata: expected a string',
      'ir-shape domains[0].records[2].tll: unknown field',
      'ir-shape domains[0].records[3].meta.n: expected a string',
      'ir-shape domains[0].records[3].source.line: expected a positive integer',
      'ir-shape domains[0].handsOff.purge: expected true or false',
      'ir-shape domains[0].safety.maxDeleteFraction: expected a number from 0 to 1',
    ]);
    const lines = json.split('\n');
    for (const d of parseIr(json, 'gen.json').diagnostics) {
      // Each diagnostic points at the line holding the offending value (or the object missing a field).
      const line = lines[(d.source?.line ?? 0) - 1] ?? '';
      const key = /([A-Za-z]+)(?:\[\d+\])?: /.exec(d.message)?.[1] ?? '';
      if (d.message.includes('missing field')) expect(line.trim()).toBe('{');
      else expect(line).toContain(`"${key}"`);
    }
    const mismatch = JSON.stringify({ version: 1, registrars: [], dnsProviders: [], domains: [{ name: 'a.com', tag: 'x', uniqueName: 'a.com', registrar: 'r', dnsProviders: [], records: [] }] });
    const column = mismatch.indexOf('"a.com"', mismatch.indexOf('uniqueName')) + 1;
    expect(codes(mismatch)).toEqual([`ir-shape 1:${column} domains[0].uniqueName: expected "a.com!x" (name and tag), not "a.com"`]);
    expect(codes('[]')).toEqual(['ir-shape 1:1 (top level): expected an object']);
  });

  it('checks records with the same rules as a config, pointing into the IR file', () => {
    const json = generated([
      { name: 'example.com', type: 'CNAME', ttl: 300, rdata: 'x.example.net.' },
      { name: 'www.example.com', type: 'A', ttl: 300, rdata: '192.0.2.300' },
      { name: 'www.example.net', type: 'A', ttl: 300, rdata: '192.0.2.1' },
      { name: 'mx.example.com', type: 'MX', ttl: 300, rdata: '99999 mail.example.com.' },
      { name: 'dup.example.com', type: 'TXT', ttl: 300, rdata: '"x"' },
      { name: 'dup.example.com', type: 'TXT', ttl: 300, rdata: '"x"', source: { file: 'gen.py', line: 40, column: 2 } },
      { name: 'x.example.com', type: 'BOGUS', ttl: 300, rdata: '' },
    ]);
    const lines = json.split('\n');
    const found = parseIr(json, 'gen.json').diagnostics.map((d) => {
      const s = d.source;
      return `${d.code} ${s?.file}:${s?.file === 'gen.json' ? (lines[s.line - 1] ?? '').trim() : `${s?.line}:${s?.column}`}`;
    });
    expect(found).toEqual([
      'cname-at-apex gen.json:{',
      'invalid-ipv4 gen.json:{',
      'label-not-in-zone gen.json:{',
      'mx-preference-range gen.json:{',
      'unknown-record-type gen.json:{',
      'duplicate-record gen.py:40:2',
    ]);
    const places = parseIr(json, 'gen.json').diagnostics.flatMap((d) => (d.source?.file === 'gen.json' ? [d.source.line] : []));
    expect(new Set(places).size).toBe(places.length);
    expect(() => readIr(json, 'gen.json')).toThrow(ConfigError);
  });

  it('checks declarations and bindings too', () => {
    const json = JSON.stringify({
      version: 1,
      registrars: [],
      dnsProviders: [],
      domains: [{ name: 'example.com', registrar: 'gandi', dnsProviders: [{ name: 'cf', nameserverCount: -1 }], records: [] }],
    });
    expect(codes(json).map((c) => c.split(' ')[0])).toEqual(['unknown-registrar', 'unknown-dns-provider']);
  });

  it('keeps warnings without failing readIr', () => {
    const json = generated([
      { name: 'a.example.com', type: 'A', ttl: 300, rdata: '192.0.2.1' },
      { name: 'a.example.com', type: 'A', ttl: 600, rdata: '192.0.2.2' },
    ]);
    expect(codes(json).map((c) => c.split(' ')[0])).toEqual(['inconsistent-ttl']);
    expect(readIr(json, 'gen.json').domains[0]?.records).toHaveLength(2);
  });
});

describe('docs/ir.md', () => {
  const doc = readFileSync('docs/ir.md', 'utf8');
  const blocks = (lang: string): string[] => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);

  it('shows what print-ir really prints for its example config', async () => {
    const [config] = blocks('js');
    const [example] = blocks('json');
    const { ir, diagnostics } = normalizeConfig(await rawConfig(config as string, 'dnsconfig.ts'));
    expect(diagnostics).toEqual([]);
    expect(irToJson(ir)).toBe(example);
  });

  it('has JSON examples the reader accepts', () => {
    const examples = blocks('json');
    expect(examples.length).toBe(2);
    for (const json of examples) expect(parseIr(json, 'doc.json').diagnostics).toEqual([]);
  });
});
