// The GitOps commands end to end through the real CLI, against the BIND zone-file provider:
// RECORD_VERSION, push --plan (exact, stale, tampered), drift, --shard and the combined comment.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planFromJson } from '../../src/plan/serialize.js';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { startForgeServer, type ForgeServer } from '../servers/forge/server.js';
import { workspace, zonesmith, type Workspace } from './helpers.js';

const CREDS = JSON.stringify({ bind: { TYPE: 'BIND', directory: 'zones' } });

function config(records: string, extra = 'RECORD_VERSION(),'): string {
  return [
    "var REG = NewRegistrar('none');",
    "var BIND = NewDnsProvider('bind', 'BIND');",
    `D('example.test', REG, DnsProvider(BIND), ${extra}`,
    "  NAMESERVER('ns1.example.test.'),",
    "  A('ns1', '192.0.2.53'),",
    records,
    ');',
    '',
  ].join('\n');
}

let ws: Workspace;
const saved: Record<string, string | undefined> = {};
const ENV = ['GITHUB_ACTOR', 'GITHUB_SHA', 'CI_COMMIT_SHA', 'GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL', 'GITHUB_EVENT_PATH'];

beforeEach(() => {
  ws = workspace();
  ws.write('creds.json', CREDS);
  for (const k of ENV) saved[k] = process.env[k];
  for (const k of ENV) delete process.env[k];
});
afterEach(() => {
  ws.cleanup();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const zoneFile = () => readFileSync(ws.path('zones/example.test.zone'), 'utf8');
const versionLine = () => zoneFile().split('\n').find((l) => l.startsWith('_zonesmith-version'));
const base = () => ['--config', ws.path('dnsconfig.js'), '--creds', ws.path('creds.json')];

describe('RECORD_VERSION()', () => {
  it('writes the commit with a push that changes the zone, and only then', async () => {
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),"));
    process.env['GITHUB_ACTOR'] = 'octocat';
    const first = await zonesmith(['push', ...base(), '--commit', 'c0ffee01']);
    expect(first.code, first.stderr).toBe(0);
    expect(versionLine()).toMatch(/IN TXT\s+"c0ffee01"$/);

    // Nothing else differs: preview shows nothing, push leaves the record alone.
    const quiet = await zonesmith(['preview', ...base(), '--expect-no-changes']);
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(quiet.stdout).toContain('Done. 0 corrections.');
    const noop = await zonesmith(['push', ...base(), '--commit', 'beef0002']);
    expect(noop.code).toBe(0);
    expect(versionLine()).toMatch(/"c0ffee01"$/);

    ws.write('dnsconfig.js', config("  A('www', '192.0.2.2'),"));
    const pushed = await zonesmith(['push', ...base(), '--commit', 'feed0003', '--report', ws.path('report.json')]);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toContain('± MODIFY _zonesmith-version.example.test TXT ("c0ffee01" ttl=300) -> ("feed0003" ttl=300)');
    expect(versionLine()).toMatch(/"feed0003"$/);
    const report = JSON.parse(readFileSync(ws.path('report.json'), 'utf8')) as Record<string, unknown>[];
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ domain: 'example.test', provider: 'bind', status: 'applied', commit: 'feed0003', actor: 'octocat', failed: [], not_applied: [] });
    expect(report[0]!['applied']).toEqual(['± MODIFY www.example.test A (192.0.2.1 ttl=300) -> (192.0.2.2 ttl=300)', '± MODIFY _zonesmith-version.example.test TXT ("c0ffee01" ttl=300) -> ("feed0003" ttl=300)']);
    expect(Date.parse(report[0]!['time'] as string)).not.toBeNaN();
  });

  it('refuses to push without a commit, before touching anything', async () => {
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),"));
    const res = await zonesmith(['push', ...base()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('RECORD_VERSION() needs the commit being pushed');
    expect(() => zoneFile()).toThrow();
  });

  it('refuses a config that writes its own TXT at the version name', async () => {
    ws.write('dnsconfig.js', config("  TXT('_zonesmith-version', 'mine'),"));
    const res = await zonesmith(['preview', ...base()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/dnsconfig\.js:6:3: error\[record-version-conflict\]: RECORD_VERSION\(\) keeps the TXT record at _zonesmith-version\.example\.test/);
  });

  it('takes the commit from git when --commit is absent', async () => {
    const { execFileSync } = await import('node:child_process');
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),"));
    const git = (...a: string[]) => execFileSync('git', ['-C', ws.dir, ...a], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '--allow-empty', '-m', 'init');
    const res = await zonesmith(['push', ...base()]);
    expect(res.code, res.stderr).toBe(0);
    expect(versionLine()).toMatch(new RegExp(`"${git('rev-parse', 'HEAD')}"$`));
  });
});

describe('push --plan', () => {
  beforeEach(async () => {
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),\n  TXT('note', 'hello'),"));
    expect((await zonesmith(['push', ...base(), '--commit', 'aaaa0001'])).code).toBe(0);
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.2'),\n  TXT('note', 'hello'),\n  A('api', '192.0.2.10'),"));
  });

  it('applies exactly the saved plan', async () => {
    const prev = await zonesmith(['preview', ...base(), '--out', ws.path('plan.json')]);
    expect(prev.code).toBe(0);
    const plan = planFromJson(readFileSync(ws.path('plan.json'), 'utf8'));
    expect(plan.zones[0]?.counts).toEqual({ create: 1, update: 1, delete: 0 });
    const res = await zonesmith(['push', ...base(), '--plan', ws.path('plan.json'), '--commit', 'bbbb0002']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(`The saved plan ${plan.checksum} still holds for 1 zone; pushing it.`);
    expect(zoneFile()).toMatch(/^api\s+IN A\s+192\.0\.2\.10$/m);
    expect(zoneFile()).toMatch(/^www\s+IN A\s+192\.0\.2\.2$/m);
    expect(versionLine()).toMatch(/"bbbb0002"$/);
    const again = await zonesmith(['preview', ...base(), '--expect-no-changes']);
    expect(again.code).toBe(0);
  });

  it('refuses when the live zone changed since the preview, and applies nothing', async () => {
    expect((await zonesmith(['preview', ...base(), '--out', ws.path('plan.json')])).code).toBe(0);
    writeFileSync(ws.path('zones/example.test.zone'), `${zoneFile()}oob IN A 192.0.2.99\n`);
    const before = zoneFile();
    const res = await zonesmith(['push', ...base(), '--plan', ws.path('plan.json'), '--commit', 'cccc0003']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('error: the saved plan no longer matches one zone; nothing was pushed.');
    expect(res.stderr).toContain('example.test (bind): the live zone or its part of the config changed since the preview');
    expect(res.stderr).toContain('now planned, not in the saved plan: - DELETE oob.example.test A 192.0.2.99 ttl=300');
    expect(zoneFile()).toBe(before);
  });

  it('refuses when the config no longer produces the plan', async () => {
    expect((await zonesmith(['preview', ...base(), '--out', ws.path('plan.json')])).code).toBe(0);
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.3'),\n  TXT('note', 'hello'),\n  A('api', '192.0.2.10'),"));
    const before = zoneFile();
    const res = await zonesmith(['push', ...base(), '--plan', ws.path('plan.json'), '--commit', 'dddd0004']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('in the saved plan, no longer planned: ± MODIFY www.example.test A (192.0.2.1 ttl=300) -> (192.0.2.2 ttl=300)');
    expect(res.stderr).toContain('now planned, not in the saved plan: ± MODIFY www.example.test A (192.0.2.1 ttl=300) -> (192.0.2.3 ttl=300)');
    expect(zoneFile()).toBe(before);
  });

  it('refuses a domain the config dropped, an edited plan file, and --plan with --domains', async () => {
    expect((await zonesmith(['preview', ...base(), '--out', ws.path('plan.json')])).code).toBe(0);
    const text = readFileSync(ws.path('plan.json'), 'utf8');
    ws.write('edited.json', text.replace('192.0.2.10', '192.0.2.66'));
    const edited = await zonesmith(['push', ...base(), '--plan', ws.path('edited.json'), '--commit', 'eeee0005']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/the saved plan's checksum \w+ does not match its content/);

    const both = await zonesmith(['push', ...base(), '--plan', ws.path('plan.json'), '--domains', 'example.test', '--commit', 'eeee0005']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('cannot be combined with --domains');

    ws.write('dnsconfig.js', "var REG = NewRegistrar('none');\nvar BIND = NewDnsProvider('bind', 'BIND');\nD('other.test', REG, DnsProvider(BIND));\n");
    const gone = await zonesmith(['push', ...base(), '--plan', ws.path('plan.json'), '--commit', 'eeee0005']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('example.test (bind): the config no longer has this domain');
  });
});

describe('zonesmith drift', () => {
  it('lists out-of-band changes with the lines that adopt them, exit 2; exit 0 when none', async () => {
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),\n  TXT('note', 'hello'),\n  A('gone', '192.0.2.5'),"));
    expect((await zonesmith(['push', ...base(), '--commit', 'aaaa0001'])).code).toBe(0);
    expect((await zonesmith(['drift', ...base()])).code).toBe(0);
    const edited = zoneFile().replace(/^www(\s+)IN A(\s+)192\.0\.2\.1$/m, 'www 600 IN A 192.0.2.7').replace(/^gone.*$/m, '');
    writeFileSync(ws.path('zones/example.test.zone'), `${edited}oob 3600 IN MX 10 mail.example.net.\n`);
    const res = await zonesmith(['drift', ...base()]);
    expect(res.code).toBe(2);
    expect(res.stdout).toContain('DRIFT example.test (bind): 3 records differ from the config');
    expect(res.stdout).toContain('    MX("oob.example.test.", 10, "mail.example.net.", TTL(3600)),');
    expect(res.stdout).toContain('/dnsconfig.js:6:3: A("www.example.test.", "192.0.2.7", TTL(600)),   (the config has www.example.test A 192.0.2.1 ttl=300)');
    expect(res.stdout).toContain('/dnsconfig.js:8:3: gone.example.test A 192.0.2.5 ttl=300');
    const json = await zonesmith(['drift', ...base(), '--format', 'json']);
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.stdout) as { zones: { drift: boolean; added: { dsl: string }[] }[] };
    expect(parsed.zones[0]?.drift).toBe(true);
    expect(parsed.zones[0]?.added.map((a) => a.dsl)).toEqual(['MX("oob.example.test.", 10, "mail.example.net.", TTL(3600))']);
    expect((await zonesmith(['preview', ...base(), '--expect-no-changes'])).code).toBe(2);
  });
});

describe('scale-out: --shard and one combined comment', () => {
  let forge: ForgeServer;
  beforeAll(async () => {
    forge = await startForgeServer({ githubTokens: { ghs_shardTestToken01: { login: 'github-actions[bot]', write: true } }, githubRepos: ['acme/dns'] });
  });
  afterAll(() => forge.close());

  it('splits the domains into disjoint shares and posts their plans as one comment', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `z${i}.test`);
    ws.write(
      'dnsconfig.js',
      ["var REG = NewRegistrar('none');", "var BIND = NewDnsProvider('bind', 'BIND');", ...names.map((n) => `D('${n}', REG, DnsProvider(BIND), A('www', '192.0.2.1'));`)].join('\n'),
    );
    const seen: string[] = [];
    const plans: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = ws.path(`plan-${i}.json`);
      const res = await zonesmith(['preview', ...base(), '--shard', `${i}/3`, '--out', out]);
      expect(res.code, res.stderr).toBe(0);
      const zones = planFromJson(readFileSync(out, 'utf8')).zones.map((z) => z.domain);
      expect(zones.length).toBeGreaterThan(0);
      seen.push(...zones);
      plans.push(out);
    }
    expect([...seen].sort()).toEqual([...names].sort());
    // The same share again: stable.
    const again = await zonesmith(['preview', ...base(), '--shard', '2/3', '--format', 'json']);
    expect(planFromJson(again.stdout).zones.map((z) => z.domain)).toEqual(planFromJson(readFileSync(plans[1]!, 'utf8')).zones.map((z) => z.domain));

    process.env['GITHUB_TOKEN'] = 'ghs_shardTestToken01';
    process.env['GITHUB_REPOSITORY'] = 'acme/dns';
    process.env['GITHUB_API_URL'] = forge.githubApiUrl;
    process.env['GITHUB_EVENT_PATH'] = ws.write('event.json', JSON.stringify({ action: 'synchronize', pull_request: { number: 17 } }));
    const posted = await zonesmith(['comment', '--github', ...plans]);
    expect(posted.code, posted.stderr).toBe(0);
    expect(posted.stderr).toContain('Created the plan comment on GitHub acme/dns#17');
    expect(posted.stderr).not.toContain('ghs_shardTestToken01');
    const [comment, ...rest] = forge.comments('acme/dns#17');
    expect(rest).toHaveLength(0);
    expect(comment!.body.startsWith(PLAN_MARKER)).toBe(true);
    expect(comment!.body).toContain('**12 zones: 12 creates, 0 updates, 0 deletes.**');
    expect(comment!.body).toMatch(/Combined from 3 saved plans: 1\. `[0-9a-f]{64}`, 2\. `[0-9a-f]{64}`, 3\. `[0-9a-f]{64}`/);

    // A shard posted twice (overlapping jobs) is refused rather than counted twice.
    const twice = await zonesmith(['comment', '--github', plans[0]!, plans[0]!]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('the shards overlap');
    expect(forge.comments('acme/dns#17')).toHaveLength(1);
  });

  it('rejects a malformed --shard', async () => {
    ws.write('dnsconfig.js', config("  A('www', '192.0.2.1'),"));
    const res = await zonesmith(['preview', ...base(), '--shard', '4/3']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--shard must be i/n with 1 <= i <= n');
  });
});
