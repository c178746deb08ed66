// zonesmith comment through the real CLI: the target from the CI environment of each forge, a
// preview run by the command itself, --dry-run, and the errors for a missing target or token.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { startForgeServer, type ForgeServer } from '../servers/forge/server.js';
import { workspace, zonesmith, type Workspace } from './helpers.js';

const ENV = ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL', 'GITHUB_EVENT_PATH', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'CI_PROJECT_ID', 'CI_MERGE_REQUEST_IID', 'CI_API_V4_URL'];
const saved: Record<string, string | undefined> = {};
let forge: ForgeServer;
let ws: Workspace;

beforeAll(async () => {
  forge = await startForgeServer({
    githubTokens: { ghs_cliTestToken0001: { login: 'github-actions[bot]', write: true } },
    githubRepos: ['acme/dns'],
    gitlabTokens: { 'glpat-cliTestToken01': 'project_7_bot' },
    gitlabProjects: [{ id: 7, path: 'infra/dns' }],
  });
});
afterAll(() => forge.close());
beforeEach(() => {
  for (const k of ENV) saved[k] = process.env[k];
  for (const k of ENV) delete process.env[k];
  ws = workspace();
  ws.write('creds.json', JSON.stringify({ bind: { TYPE: 'BIND', directory: 'zones' } }));
  ws.write('dnsconfig.js', "var REG = NewRegistrar('none');\nvar BIND = NewDnsProvider('bind', 'BIND');\nD('cli.test', REG, DnsProvider(BIND), A('www', '192.0.2.1'));\n");
});
afterEach(() => {
  ws.cleanup();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const base = () => ['--config', ws.path('dnsconfig.js'), '--creds', ws.path('creds.json')];

describe('zonesmith comment', () => {
  it('GitHub: runs the preview itself when given no plan, target from the Actions environment', async () => {
    process.env['GITHUB_TOKEN'] = 'ghs_cliTestToken0001';
    process.env['GITHUB_REPOSITORY'] = 'acme/dns';
    process.env['GITHUB_API_URL'] = forge.githubApiUrl;
    process.env['GITHUB_EVENT_PATH'] = ws.write('event.json', JSON.stringify({ action: 'synchronize', pull_request: { number: 3 } }));
    const res = await zonesmith(['comment', '--github', ...base()]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    const [c] = forge.comments('acme/dns#3');
    expect(c?.body.startsWith(PLAN_MARKER)).toBe(true);
    expect(c?.body).toContain('| Create | `www.cli.test` | A | 300 | `192.0.2.1` |');
    const again = await zonesmith(['comment', '--github', '--print', ...base()]);
    expect(again.stderr).toContain('Left unchanged the plan comment on GitHub acme/dns#3');
    expect(again.stdout).toBe(c!.body);
  });

  it('GitLab: a saved plan, target from the GitLab CI environment; the project token wins over CI_JOB_TOKEN', async () => {
    const plan = ws.path('plan.json');
    expect((await zonesmith(['preview', ...base(), '--out', plan])).code).toBe(0);
    Object.assign(process.env, { GITLAB_TOKEN: 'glpat-cliTestToken01', CI_JOB_TOKEN: 'job-token-xyz', CI_PROJECT_ID: '7', CI_MERGE_REQUEST_IID: '12', CI_API_V4_URL: forge.gitlabApiUrl });
    const res = await zonesmith(['comment', '--gitlab', '--author', 'project_7_bot', plan]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('Created the plan comment on GitLab project 7 !12');
    expect(forge.comments('7!12').map((c) => c.author)).toEqual(['project_7_bot']);
    // The forge refuses job tokens on this API, so a created note proves the project token was sent.
    expect(forge.comments('7!12')[0]!.body).toContain('`www.cli.test`');
    expect(readFileSync(plan, 'utf8')).toContain('"domain": "cli.test"');
  });

  it('--dry-run prints the comment and calls no API; missing target, token or forge are errors', async () => {
    const plan = ws.path('plan.json');
    expect((await zonesmith(['preview', ...base(), '--out', plan])).code).toBe(0);
    const before = forge.requests.length;
    const dry = await zonesmith(['comment', '--dry-run', plan]);
    expect(dry.code).toBe(0);
    expect(dry.stdout.startsWith(PLAN_MARKER)).toBe(true);
    expect(forge.requests.length).toBe(before);

    const none = await zonesmith(['comment', plan]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('say where to comment: --github or --gitlab');
    const noToken = await zonesmith(['comment', '--github', '--repo', 'acme/dns', '--pr', '3', plan]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('no GitHub token: set GITHUB_TOKEN');
    process.env['GITHUB_TOKEN'] = 'ghs_cliTestToken0001';
    const noPr = await zonesmith(['comment', '--github', '--repo', 'acme/dns', plan]);
    expect(noPr.code).toBe(1);
    expect(noPr.stderr).toContain('no pull request number: pass --pr, or run on a pull_request event');
    const noMr = await zonesmith(['comment', '--gitlab', plan]);
    expect(noMr.stderr).toContain('no GitLab token');
  });
});
