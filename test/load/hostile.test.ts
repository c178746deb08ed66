import { describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { loadConfig, type LoadConfigOptions } from '../../src/load/index.js';

const DIR = 'test/fixtures/load/hostile';

/** A benign evaluation: after every hostile one, the host must still evaluate configs. */
async function stillWorks(): Promise<void> {
  const config = await loadConfig({ configPath: 'test/fixtures/load/ts-global/dnsconfig.ts' });
  expect(config.domains.map((d) => d.name)).toEqual(['global.example']);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
}

async function fails(file: string, limits: Partial<LoadConfigOptions> = {}): Promise<{ code: string; lines: string[] }> {
  try {
    await loadConfig({ configPath: `${DIR}/${file}`, timeoutMs: 1_000, ...limits });
  } catch (err) {
    if (!(err instanceof ZonesmithError)) throw err;
    return { code: err.code, lines: err.diagnostics.map(formatDiagnostic) };
  }
  throw new Error(`${file} loaded`);
}

// Memory cases get a long time limit, so the memory limit is what stops them.
const MEMORY = { memoryLimitMb: 32, timeoutMs: 30_000 };

describe('hostile configs fail within their limit and the host keeps working', () => {
  it.each([
    ['infinite-loop.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['loop-catch-finally.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['microtask-loop.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['getter-loop.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['proxy-modifier.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['proxy-throw.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['stack-getter.js', {}, 'config-timeout', /evaluation did not finish within 1000 ms/],
    ['memory-heap.js', MEMORY, 'config-memory-limit', /evaluation used more than 32 MB/],
    ['memory-one-allocation.js', MEMORY, 'config-memory-limit', /evaluation used more than 32 MB/],
    ['memory-string.js', MEMORY, 'config-memory-limit', /evaluation used more than 32 MB/],
    ['huge-output.js', { maxOutputBytes: 1_000_000 }, 'config-output-too-large', /is \d+ bytes of JSON, more than the limit of 1000000/],
  ])('%s', async (file, limits, code, message) => {
    const f = await fails(file, limits);
    expect(f.code).toBe(code);
    expect(f.lines).toEqual([expect.stringMatching(message)]);
    expect(f.lines[0]).toContain(`${DIR}/${file}`);
    await stillWorks();
  });

  it.each([
    ['memory-arraybuffer.js', '2:27', 'RangeError: Array buffer allocation failed'],
    ['deep-recursion.js', '2:3', 'RangeError: Maximum call stack size exceeded'],
    ['process.js', '1:47', 'ReferenceError: process is not defined'],
    ['require.js', '1:21', 'TypeError: globalThis.require is not a function'],
    // The throw is in code Function() compiled, outside the config: the call that ran it is named.
    ['constructor-escape.js', '1:32', 'ReferenceError: process is not defined'],
    ['this-constructor.js', '2:27', 'ReferenceError: process is not defined'],
    ['fetch.js', '1:1', 'ReferenceError: fetch is not defined'],
    ['timers.js', '1:1', 'ReferenceError: setTimeout is not defined'],
  ])('%s throws at %s: %s', async (file, at, message) => {
    const f = await fails(file, file === 'memory-arraybuffer.js' ? MEMORY : {});
    expect(f.code).toBe('config-exception');
    expect(f.lines).toEqual([`${DIR}/${file}:${at}: error[config-exception]: ${message}`]);
    await stillWorks();
  });

  it('dynamic import through eval has no module loader to reach', async () => {
    const f = await fails('eval-import.js');
    expect(f.code).toBe('config-exception');
    expect(f.lines).toEqual(['error[config-exception]: dynamic import() is not supported in the sandbox']);
    await stillWorks();
  });

  it('a getter in the data runs once, in the sandbox; only its value leaves', async () => {
    const config = await loadConfig({ configPath: `${DIR}/getter-changes.js` });
    const record = config.domains[0]?.records[0];
    expect(record?.meta).toEqual({ note: 'first' });
    expect(Object.getOwnPropertyDescriptor(record?.meta, 'note')).toMatchObject({ value: 'first', writable: true });
  });

  it('collect() made to return an object (with a looping toString) is refused without touching it', async () => {
    const f = await fails('forged-object.js');
    expect(f.code).toBe('config-output-invalid');
    expect(f.lines).toEqual(['error[raw-invalid]: __zonesmith.collect() did not return a string (did the config replace JSON.stringify?)']);
    await stillWorks();
  });

  it('FETCH is the DSL\'s refusal, not a network call', async () => {
    const f = await fails('dsl-fetch.js');
    expect(f.lines).toEqual([expect.stringMatching(/^test\/fixtures\/load\/hostile\/dsl-fetch\.js:1:1: error\[dsl-unsupported\]: FETCH/)]);
    await stillWorks();
  });

  it('pollution inside the isolate stays there; a __proto__ key in the output is refused', async () => {
    const f = await fails('prototype-pollution.js');
    expect(f.code).toBe('config-output-invalid');
    expect(f.lines).toEqual([`error[raw-invalid]: the DSL's output is malformed at $.domains[0].meta.nested: has a "__proto__" key`]);
    await stillWorks();
  });

  it('output forged by replacing JSON.stringify is still checked against RawConfig', async () => {
    const f = await fails('forged-output.js');
    expect(f.code).toBe('config-output-invalid');
    expect(f.lines).toEqual([`error[raw-invalid]: the DSL's output is malformed at $.registrars: expected an array, got a number (5)`]);
    await stillWorks();
  });

  it('the DSL\'s control object cannot be replaced', async () => {
    const config = await loadConfig({ configPath: `${DIR}/control-tamper.js` });
    expect(config.domains.map((d) => d.name)).toEqual(['a.example']);
  });

  it('dynamic import() and require of a builtin never reach the sandbox', async () => {
    const f = await fails('../forbidden/sub/dynamic-expr.ts');
    expect(f.code).toBe('config-bundle-failed');
    const g = await fails('../forbidden/sub/require-builtin.js');
    expect(g.code).toBe('config-bundle-failed');
    await stillWorks();
  });
});

describe('what the sandbox offers', () => {
  it('no host objects, a stopped UTC clock, a seeded Math.random, and a collecting console', async () => {
    const messages: unknown[] = [];
    // The sandbox process does not inherit the environment: the host's time zone changes nothing.
    const savedTz = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    const load = () => loadConfig({ configPath: 'test/fixtures/load/environment/dnsconfig.js', onConsole: (m) => messages.push(m) });
    const config = await load();
    const txt = Object.fromEntries(config.domains[0]?.records.map((r) => [r.label, r.args[0]]) ?? []);
    expect(txt['present']).toBe('none');
    expect(txt['now']).toBe('0');
    expect(txt['date']).toBe('1970-01-01T00:00:00.000Z | Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time) | 2024-01-15T10:30:00.000Z');
    expect(txt['tz']).toBe('0 0');
    expect(txt['parse']).toBe('2024-01-15T10:30:00.000Z 1,234.5');
    expect(messages).toEqual([
      { level: 'log', text: 'one {"two":2} [3]' },
      { level: 'warn', text: 'careful' },
    ]);
    // Deterministic: the same config gives the same records, random numbers included.
    const again = await load();
    expect(again).toEqual(config);
    expect(String(txt['random'])).toMatch(/^0\.\d+ 0\.\d+$/);
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });
});
