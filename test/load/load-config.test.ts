import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawConfig, RawSource } from '../../src/dsl/raw-types.js';
import { ZonesmithError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { loadConfig, type ConsoleMessage } from '../../src/load/index.js';

const FIX = 'test/fixtures/load';

/** Where `needle` is written in `file`: line and column (1-based) of its `nth` occurrence. */
function where(file: string, needle: string, nth = 0): RawSource {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    for (let col = line.indexOf(needle); col >= 0; col = line.indexOf(needle, col + 1)) {
      if (seen++ === nth) return { file, line: i + 1, column: col + 1 };
    }
  }
  throw new Error(`${needle} not in ${file}`);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; lines: string[] }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ZonesmithError);
    const e = err as ZonesmithError;
    return { code: e.code, lines: e.diagnostics.map(formatDiagnostic) };
  }
  throw new Error('expected a failure');
}

function domain(config: RawConfig, name: string) {
  const d = config.domains.find((x) => x.name === name);
  if (!d) throw new Error(`no domain ${name}`);
  return d;
}

describe('loadConfig: the module form (import from "zonesmith")', () => {
  it('evaluates a config split over files and maps every position to its file', async () => {
    const file = `${FIX}/ts-module/dnsconfig.ts`;
    const lib = `${FIX}/ts-module/lib/mail.ts`;
    const config = await loadConfig({ configPath: file });
    expect(config.registrars).toEqual([{ name: 'none', type: null, meta: {}, source: where(file, 'NewRegistrar(') }]);
    expect(config.dnsProviders).toEqual([{ name: 'bind', type: 'BIND', meta: {}, source: where(file, 'NewDnsProvider(') }]);
    const d = domain(config, 'example.com');
    expect(d.source).toEqual(where(file, 'D("example.com"'));
    expect(d.dnsProviders).toEqual([{ name: 'bind', nsCount: -1, source: where(file, 'DnsProvider(DNS)') }]);
    expect(d.records.map((r) => [r.type, r.args, r.source])).toEqual([
      ['A', ['192.0.2.10'], where(file, 'A("@"')],
      ['MX', [10, 'mail'], where(lib, 'MX("@", 10')],
      ['MX', [20, 'backup-mail'], where(lib, 'MX("@", 20')],
      ['TXT', ['unset'], where(file, 'TXT("env"')],
    ]);
    expect(JSON.stringify(config)).not.toContain('"pos"');
  });

  it('hands -v variables to the config as globals', async () => {
    const config = await loadConfig({ configPath: `${FIX}/ts-module/dnsconfig.ts`, variables: { stage: 'prod' } });
    expect(domain(config, 'example.com').records.find((r) => r.type === 'TXT')?.args).toEqual(['prod']);
    const bad = await failure(loadConfig({ configPath: `${FIX}/ts-module/dnsconfig.ts`, variables: { 'not an identifier': 'x' } }));
    expect(bad.lines).toEqual([expect.stringMatching(/^error\[dsl-bad-variable\]: -v not an identifier: /)]);
  });
});

describe('loadConfig: the global form and DNSControl configs', () => {
  it('evaluates the global form', async () => {
    const file = `${FIX}/ts-global/dnsconfig.ts`;
    const d = domain(await loadConfig({ configPath: file }), 'global.example');
    expect(d.records.map((r) => [r.type, r.source])).toEqual([
      ['A', where(file, 'A("@"')],
      ['CNAME', where(file, 'CNAME(')],
    ]);
  });

  it('runs required files in one global scope, as DNSControl does', async () => {
    const dir = `${FIX}/dnscontrol`;
    const messages: ConsoleMessage[] = [];
    const config = await loadConfig({ configPath: `${dir}/dnsconfig.js`, onConsole: (m) => messages.push(m) });
    // require_glob required the domains in walk order, before example.com was declared.
    expect(config.domains.map((d) => d.name)).toEqual(['a.example', 'c.example', 'b.example', 'example.com']);
    expect(domain(config, 'a.example').records.map((r) => [r.label, r.source])).toEqual([['k8s', where(`${dir}/kube/k8s.js`, 'A("k8s"')]]);
    const c = domain(config, 'c.example');
    expect(c.records.map((r) => [r.label, r.args, r.source])).toEqual([
      ['@', ['192.0.2.3'], where(`${dir}/domains/c.js`, 'A("@"')],
      ['n', ['1'], where(`${dir}/domains/c.js`, 'TXT("n"')],
      // After the require_glob() the loader expanded on the same line: still the column as written.
      ['after', ['192.0.2.4'], where(`${dir}/domains/c.js`, 'A("after"')],
    ]);
    const ex = domain(config, 'example.com');
    expect(ex.records.map((r) => [r.type, r.label, r.args, r.source])).toEqual([
      ['A', '@', ['192.0.2.7'], where(`${dir}/dnsconfig.js`, 'A("@"')],
      ['CNAME', 'www', ['@'], where(`${dir}/helpers.js`, 'CNAME(')],
      ['A', 'h1', ['192.0.2.99'], where(`${dir}/helpers.js`, 'A("h"')],
      ['TXT', 'loaded', ['domains/a.js domains/c.js domains/sub/b.js'], where(`${dir}/dnsconfig.js`, 'TXT("loaded"')],
    ]);
    // helpers.js's `var counter` is the global the main file reads.
    expect(messages).toEqual([{ level: 'log', text: 'helper calls 1' }]);
  });

  const PARSE = '../shared/fixtures/dnscontrol-parse';
  const parseFixtures = readdirSync(PARSE).filter((f) => f.endsWith('.js'));
  it.each(parseFixtures)('%s: same domains and record positions as DNSControl', async (f) => {
    const expected = JSON.parse(readFileSync(`${PARSE}/${f.replace(/\.js$/, '.json')}`, 'utf8')) as {
      domains: { name: string; tag?: string; records?: { filepos?: string }[] }[];
    };
    const config = await loadConfig({ configPath: `${PARSE}/${f}` });
    const ours = config.domains.map((d) => [d.name, d.records.map((r) => `${r.source?.line}:${r.source?.column}`).sort()]);
    const theirs = expected.domains.map((d) => [
      d.tag ? `${d.name}!${d.tag}` : d.name,
      (d.records ?? []).map((r) => (r.filepos ?? '').replace(/^\[line:|\]$/g, '')).sort(),
    ]);
    expect(ours.sort()).toEqual(theirs.sort());
    for (const d of config.domains) for (const r of d.records) expect(r.source?.file).toBe(`${PARSE}/${f}`);
  });
});

describe('loadConfig: exceptions point at the line that threw', () => {
  it('an error thrown in a second file', async () => {
    const f = await failure(loadConfig({ configPath: `${FIX}/exceptions/user-throw.ts` }));
    expect(f.code).toBe('config-exception');
    const at = where(`${FIX}/exceptions/lib.ts`, 'new RangeError');
    expect(f.lines).toEqual([`${at.file}:${at.line}:${at.column}: error[config-exception]: RangeError: n is too big: 3`]);
  });

  it('PANIC, with the DSL\'s code, at the PANIC call', async () => {
    const f = await failure(loadConfig({ configPath: `${FIX}/exceptions/panic.js` }));
    const at = where(`${FIX}/exceptions/panic.js`, 'PANIC(');
    expect(f.code).toBe('config-exception');
    expect(f.lines).toEqual([`${at.file}:${at.line}:${at.column}: error[dsl-panic]: PANIC: no more domains, please`]);
  });

  it('a DSL error at the call that caused it', async () => {
    const f = await failure(loadConfig({ configPath: `${FIX}/exceptions/duplicate.js` }));
    const at = where(`${FIX}/exceptions/duplicate.js`, 'D("a.example"', 1);
    expect(f.lines).toEqual([expect.stringMatching(new RegExp(`^${at.file}:${at.line}:${at.column}: error\\[dsl-duplicate-domain\\]: `))]);
  });

  it('the config\'s own error after it caught a DSL error', async () => {
    const f = await failure(loadConfig({ configPath: `${FIX}/exceptions/caught-then-other.js` }));
    const at = where(`${FIX}/exceptions/caught-then-other.js`, 'undefinedFunction');
    expect(f.lines).toEqual([`${at.file}:${at.line}:${at.column}: error[config-exception]: ReferenceError: undefinedFunction is not defined`]);
  });

  it('a thrown string (no stack, so no position)', async () => {
    const f = await failure(loadConfig({ configPath: `${FIX}/exceptions/throw-string.js` }));
    expect(f.lines).toEqual(['error[config-exception]: a plain string']);
  });
});

describe('loadConfig: options', () => {
  it.each([
    [{ memoryLimitMb: 4 }, 'memoryLimitMb must be an integer of at least 8, got 4'],
    [{ timeoutMs: 0 }, 'timeoutMs must be an integer of at least 1, got 0'],
    [{ maxOutputBytes: 1.5 }, 'maxOutputBytes must be an integer of at least 1, got 1.5'],
  ])('refuses %o', async (limits, message) => {
    await expect(loadConfig({ configPath: `${FIX}/ts-global/dnsconfig.ts`, ...limits })).rejects.toMatchObject({ code: 'load-option-invalid', message });
  });
});
