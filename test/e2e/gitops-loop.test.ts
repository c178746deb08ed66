// The GitOps loop end to end, in a throwaway git repository, through the real CLI (src/cli/main.ts
// run()): a branch edits dnsconfig.ts; preview posts the plan comment to the local GitHub server and
// a second commit updates that comment; the branch is merged; push --plan applies the saved plan to a
// real BIND through the RFC2136 provider; --verify asks the server; the version TXT holds the merge
// commit; an out-of-band nsupdate is caught by the drift check (exit 2). And a stale plan is refused.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { planFromJson } from '../../src/plan/serialize.js';
import { digAxfr, keyString, nsupdate, startBind, type TestServer } from '../servers/index.js';
import { startForgeServer, type ForgeServer } from '../servers/forge/server.js';
import { workspace, zonesmith, type Workspace } from '../gitops/helpers.js';


const TOKEN = 'ghs_e2eWriteTokenValue01';
const ZONE = 'shop.test';
const STALE = 'stale.test';

function config(zone: string, records: readonly string[]): string {
  return [
    "import { A, D, DnsProvider, NewDnsProvider, NewRegistrar, RECORD_VERSION, TXT } from 'zonesmith';",
    '',
    "const REG = NewRegistrar('none');",
    "const DNS = NewDnsProvider('dns', 'RFC2136');",
    '',
    `D('${zone}', REG, DnsProvider(DNS), RECORD_VERSION(),`,
    "  A('dummy-ns', '127.0.0.1'),",
    ...records.map((r) => `  ${r},`),
    ');',
    '',
  ].join('\n');
}

let server: TestServer;
let forge: ForgeServer;
let ws: Workspace;
const env: Record<string, string | undefined> = {};
const ENV_KEYS = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL', 'GITHUB_EVENT_PATH', 'GITHUB_SHA', 'CI_COMMIT_SHA', 'GITHUB_ACTOR'];

beforeAll(async () => {
  [server, forge] = await Promise.all([
    startBind({ zones: [{ name: ZONE, records: [{ name: 'www', type: 'A', rdata: '192.0.2.1' }] }, { name: STALE, records: [{ name: 'www', type: 'A', rdata: '192.0.2.1' }] }] }),
    startForgeServer({ githubTokens: { [TOKEN]: { login: 'github-actions[bot]', write: true } }, githubRepos: ['acme/dns'], maxPerPage: 10 }),
  ]);
  ws = workspace('zs-e2e-');
  ws.write('creds.json', JSON.stringify({ dns: { TYPE: 'RFC2136', master: server.address, 'update-key': keyString(server.key), 'transfer-key': keyString(server.key), timeout: '10' } }));
  for (const k of ENV_KEYS) env[k] = process.env[k];
  for (const k of ENV_KEYS) delete process.env[k];
  process.env['GITHUB_ACTOR'] = 'merger';
});

afterAll(async () => {
  for (const k of ENV_KEYS) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  await Promise.all([server?.stop(), forge?.close()]);
  ws?.cleanup();
});

/** A throwaway repository with dnsconfig.ts on main. */
function repo(name: string, zone: string, records: readonly string[]) {
  const dir = ws.path(name);
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.test', ...args], { encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const write = (recs: readonly string[]) => ws.write(`${name}/dnsconfig.ts`, config(zone, recs));
  write(records);
  git('add', 'dnsconfig.ts');
  git('commit', '-q', '-m', 'initial DNS');
  const flags = ['--config', `${dir}/dnsconfig.ts`, '--creds', ws.path('creds.json')];
  return { dir, git, write, flags };
}

type Rec = { name: string; type: string; rdata: string; ttl: number };
const axfr = async (zone: string): Promise<Rec[]> => (await digAxfr(server, zone, server.key)).filter((r) => r.type !== 'SOA');
const show = (recs: Rec[]) => recs.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`).sort();

describe('the GitOps loop', () => {
  it('PR comment, update, merge, push --plan to BIND over RFC 2136, verify, version TXT, drift', async () => {
    const r = repo('shop', ZONE, ["A('www', '192.0.2.1')"]);

    // main matches the zone: push changes nothing, so the version record is not written either.
    const initial = await zonesmith(['push', ...r.flags]);
    expect(initial.code, initial.stderr).toBe(0);
    expect(initial.stdout).toContain('Done. 0 corrections.');
    expect((await axfr(ZONE)).some((x) => x.name.startsWith('_zonesmith-version'))).toBe(false);

    // A pull request: the CI environment of a pull_request event.
    process.env['GITHUB_TOKEN'] = TOKEN;
    process.env['GITHUB_REPOSITORY'] = 'acme/dns';
    process.env['GITHUB_API_URL'] = forge.githubApiUrl;
    process.env['GITHUB_EVENT_PATH'] = ws.write('event.json', JSON.stringify({ action: 'opened', number: 5, pull_request: { number: 5 } }));
    for (let i = 0; i < 23; i++) forge.seed('acme/dns#5', i % 2 ? 'alice' : 'bob', `review note ${i}`);

    r.git('checkout', '-q', '-b', 'add-api');
    r.write(["A('www', '192.0.2.2')", "A('api', '192.0.2.10')"]);
    r.git('commit', '-q', '-am', 'add api, move www');
    const plan = ws.path('plan.json');
    const p1 = await zonesmith(['preview', ...r.flags, '--out', plan]);
    expect(p1.code, p1.stderr).toBe(0);
    const c1 = await zonesmith(['comment', '--github', '--author', 'github-actions[bot]', plan]);
    expect(c1.code, c1.stderr).toBe(0);
    expect(c1.stderr).toContain('Created the plan comment on GitHub acme/dns#5');
    const first = forge.comments('acme/dns#5').filter((c) => c.body.startsWith(PLAN_MARKER));
    expect(first).toHaveLength(1);
    expect(first[0]!.author).toBe('github-actions[bot]');
    expect(first[0]!.body).toContain('| Create | `api.shop.test` | A | 300 | `192.0.2.10` |');
    expect(first[0]!.body).not.toContain('note.shop.test');

    // A second commit on the branch: the same comment is updated, none is added.
    r.write(["A('www', '192.0.2.2')", "A('api', '192.0.2.10')", "TXT('note', 'reviewed in #5')"]);
    r.git('commit', '-q', '-am', 'add a note');
    expect((await zonesmith(['preview', ...r.flags, '--out', plan])).code).toBe(0);
    const c2 = await zonesmith(['comment', '--github', '--author', 'github-actions[bot]', plan]);
    expect(c2.code, c2.stderr).toBe(0);
    expect(c2.stderr).toContain('Updated the plan comment on GitHub acme/dns#5');
    const second = forge.comments('acme/dns#5').filter((c) => c.body.startsWith(PLAN_MARKER));
    expect(second.map((c) => c.id)).toEqual([first[0]!.id]);
    expect(second[0]!.body).toContain('`note.shop.test`');
    expect(second[0]!.body).toContain(`Plan checksum: \`${planFromJson(readFileSync(plan, 'utf8')).checksum}\``);
    const writes = forge.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.status}`);
    expect(writes).toEqual(['POST 201', 'PATCH 200']);
    // 24 comments at 10 a page: each comment run read all three pages.
    expect(forge.requests.filter((q) => q.method === 'GET').map((q) => q.query['page'] ?? '1')).toEqual(['1', '2', '3', '1', '2', '3']);

    // Merged; CI on main pushes exactly the reviewed plan and verifies it at the server.
    r.git('checkout', '-q', 'main');
    r.git('merge', '-q', '--no-ff', 'add-api', '-m', 'Merge pull request #5 from acme/add-api');
    const merge = r.git('rev-parse', 'HEAD');
    const report = ws.path('report.json');
    const pushed = await zonesmith(['push', ...r.flags, '--plan', plan, '--verify', '--verify-server', server.address, '--verify-timeout', '20', '--report', report]);
    expect(pushed.code, `${pushed.stdout}\n${pushed.stderr}`).toBe(0);
    expect(pushed.stdout).toContain('SUCCESS!');
    expect(pushed.stdout).toMatch(new RegExp(`shop\\.test\\s+dns\\s+${server.address.replace(/\./g, '\\.')}\\s+ok\\s+4 rrsets served as pushed`));
    expect(pushed.stdout).toContain('Verify: every server serves the pushed records (1 checked).');
    expect(show(await axfr(ZONE))).toEqual(show([
      { name: ZONE, ttl: 300, type: 'NS', rdata: `dummy-ns.${ZONE}.` },
      { name: `_zonesmith-version.${ZONE}`, ttl: 300, type: 'TXT', rdata: `"${merge}"` },
      { name: `api.${ZONE}`, ttl: 300, type: 'A', rdata: '192.0.2.10' },
      { name: `dummy-ns.${ZONE}`, ttl: 300, type: 'A', rdata: '127.0.0.1' },
      { name: `note.${ZONE}`, ttl: 300, type: 'TXT', rdata: '"reviewed in #5"' },
      { name: `www.${ZONE}`, ttl: 300, type: 'A', rdata: '192.0.2.2' },
    ]));
    const items = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>[];
    expect(items).toMatchObject([{ domain: ZONE, provider: 'dns', provider_type: 'RFC2136', status: 'applied', commit: merge, actor: 'merger', not_applied: [], failed: [], verify: [{ server: server.address, status: 'ok' }] }]);
    expect(items[0]!['applied']).toHaveLength(4);

    // Converged: no drift.
    const clean = await zonesmith(['drift', ...r.flags]);
    expect(clean.code, clean.stdout).toBe(0);

    // Someone changes DNS behind Git's back.
    const oob = await nsupdate(server, server.key, [`update add oob.${ZONE}. 600 A 192.0.2.99`, `update delete note.${ZONE}. TXT`]);
    expect(oob.code, oob.stderr).toBe(0);
    const drift = await zonesmith(['drift', ...r.flags]);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('DRIFT shop.test (dns): 2 records differ from the config');
    expect(drift.stdout).toContain('    A("oob.shop.test.", "192.0.2.99", TTL(600)),');
    expect(drift.stdout).toMatch(/dnsconfig\.ts:10:3: note\.shop\.test TXT "reviewed in #5" ttl=300/);
    const scheduled = await zonesmith(['preview', ...r.flags, '--expect-no-changes']);
    expect(scheduled.code).toBe(2);

    // Git wins again: a plain push restores the zone and moves the version record to the new commit
    // (an UPDATE that replaces the TXT), verified at the server.
    const restore = await zonesmith(['push', ...r.flags, '--commit', 'restore-0001', '--verify', '--verify-server', server.address]);
    expect(restore.code, `${restore.stdout}\n${restore.stderr}`).toBe(0);
    expect(restore.stdout).toContain(`± MODIFY _zonesmith-version.shop.test TXT ("${merge}" ttl=300) -> ("restore-0001" ttl=300)`);
    const after = show(await axfr(ZONE));
    expect(after).toContain(`_zonesmith-version.${ZONE} 300 TXT "restore-0001"`);
    expect(after).toContain(`note.${ZONE} 300 TXT "reviewed in #5"`);
    expect(after.some((l) => l.startsWith('oob.'))).toBe(false);
    expect(after.filter((l) => l.includes('_zonesmith-version'))).toHaveLength(1);
  });

  it('refuses a saved plan when the zone changed between preview and push; nothing is applied', async () => {
    const r = repo('stale', STALE, ["A('www', '192.0.2.1')"]);
    r.write(["A('www', '192.0.2.1')", "A('api', '192.0.2.10')"]);
    r.git('commit', '-q', '-am', 'add api');
    const plan = ws.path('stale-plan.json');
    expect((await zonesmith(['preview', ...r.flags, '--out', plan])).code).toBe(0);
    const oob = await nsupdate(server, server.key, [`update delete www.${STALE}. A`, `update add www.${STALE}. 300 A 192.0.2.5`]);
    expect(oob.code, oob.stderr).toBe(0);
    const before = show(await axfr(STALE));
    const res = await zonesmith(['push', ...r.flags, '--plan', plan, '--verify', '--verify-server', server.address]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('error: the saved plan no longer matches one zone; nothing was pushed.');
    expect(res.stderr).toContain('stale.test (dns): the live zone or its part of the config changed since the preview');
    expect(res.stderr).toContain('now planned, not in the saved plan: ± MODIFY www.stale.test A (192.0.2.5 ttl=300) -> (192.0.2.1 ttl=300)');
    expect(show(await axfr(STALE))).toEqual(before);
    expect(before.some((l) => l.startsWith('api.'))).toBe(false);
  });
});
