// The GitLab note client against the local forge server: X-Next-Page pagination, system notes left
// out, create and update, project paths, and the job-token refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitlabComments } from '../../src/gitops/comment/gitlab.js';
import { upsertPlanComment } from '../../src/gitops/comment/upsert.js';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { startForgeServer, type ForgeServer } from '../servers/forge/server.js';

const TOKEN = 'glpat-projectTokenForTests';
let forge: ForgeServer;

beforeAll(async () => {
  forge = await startForgeServer({ gitlabTokens: { [TOKEN]: 'project_42_bot' }, gitlabJobTokens: ['job-token-value'], gitlabProjects: [{ id: 42, path: 'infra/dns' }], maxPerPage: 4 });
});
afterAll(() => forge.close());

function api(iid: number, opts: { token?: string; kind?: 'private' | 'job'; project?: string } = {}) {
  return gitlabComments({ apiUrl: forge.gitlabApiUrl, project: opts.project ?? '42', iid, token: opts.token ?? TOKEN, tokenKind: opts.kind ?? 'private' });
}

describe('GitLab note client', () => {
  it('creates the plan note, then updates it; pages with X-Next-Page; skips system notes', async () => {
    for (let i = 0; i < 6; i++) forge.seed('42!7', 'alice', `comment ${i}`);
    forge.seed('42!7', 'alice', `${PLAN_MARKER}\nnot ours? it is alice's`, false);
    forge.seed('42!7', 'gitlab', 'added 1 commit', true);
    const listed = await api(7).list();
    expect(listed).toHaveLength(7);
    const pages = forge.requests.filter((r) => r.method === 'GET');
    expect(pages.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2']);
    expect(pages.every((r) => r.query['sort'] === 'asc')).toBe(true);

    const created = await upsertPlanComment(api(7), `${PLAN_MARKER}\nplan A`, { author: 'project_42_bot' });
    expect(created.action).toBe('created');
    const updated = await upsertPlanComment(api(7), `${PLAN_MARKER}\nplan B`, { author: 'project_42_bot' });
    expect(updated).toMatchObject({ action: 'updated', comment: { id: created.comment.id } });
    expect(forge.comments('42!7').filter((c) => c.body.startsWith(PLAN_MARKER)).map((c) => c.body)).toEqual([`${PLAN_MARKER}\nnot ours? it is alice's`, `${PLAN_MARKER}\nplan B`]);
    expect(forge.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/projects/42/merge_requests/7/notes/${created.comment.id}`]);
  });

  it('cannot edit another user\'s note: GitLab answers 403 and the error says so', async () => {
    forge.seed('42!8', 'alice', `${PLAN_MARKER}\nalice's`);
    const err = await upsertPlanComment(api(8), `${PLAN_MARKER}\nours`).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/GitLab API PUT .*: HTTP 403 403 Forbidden/);
  });

  it('accepts the project path (URL-encoded in the request)', async () => {
    const res = await upsertPlanComment(api(9, { project: 'infra/dns' }), `${PLAN_MARKER}\nby path`);
    expect(res.action).toBe('created');
    expect(forge.comments('42!9')).toHaveLength(1);
  });

  it('reports that CI_JOB_TOKEN cannot use the notes API, without the token', async () => {
    const err = await api(10, { token: 'job-token-value', kind: 'job' }).list().catch((e: Error) => e);
    expect((err as Error).message).toMatch(/HTTP 401 401 Unauthorized \(check the token\)/);
    expect((err as Error).message).not.toContain('job-token-value');
  });
});
