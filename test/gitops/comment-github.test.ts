// The GitHub comment client against the local forge server: list with Link pagination, create,
// update, the marker rule, the author filter, and errors that never show the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubComments } from '../../src/gitops/comment/github.js';
import { upsertPlanComment } from '../../src/gitops/comment/upsert.js';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { startForgeServer, type ForgeServer } from '../servers/forge/server.js';

const TOKEN = 'ghs_writeTokenForTests0001';
const READ_ONLY = 'ghs_readOnlyTokenForTests02';
const REPO = 'acme/dns';

let forge: ForgeServer;

beforeAll(async () => {
  forge = await startForgeServer({
    githubTokens: { [TOKEN]: { login: 'github-actions[bot]', write: true }, [READ_ONLY]: { login: 'github-actions[bot]', write: false } },
    githubRepos: [REPO],
    maxPerPage: 3,
  });
});
afterAll(() => forge.close());

function api(number: number, token = TOKEN, apiUrl = forge.githubApiUrl) {
  return githubComments({ apiUrl, repo: REPO, number, token });
}

describe('GitHub comment client', () => {
  it('creates the plan comment once, then updates it in place', async () => {
    const first = await upsertPlanComment(api(1), `${PLAN_MARKER}\nplan one`);
    expect(first.action).toBe('created');
    const second = await upsertPlanComment(api(1), `${PLAN_MARKER}\nplan two`);
    expect(second.action).toBe('updated');
    expect(second.comment.id).toBe(first.comment.id);
    expect(forge.comments(`${REPO}#1`).map((c) => c.body)).toEqual([`${PLAN_MARKER}\nplan two`]);
    const patch = forge.requests.filter((r) => r.method === 'PATCH');
    expect(patch.map((r) => r.path)).toEqual([`/repos/${REPO}/issues/comments/${first.comment.id}`]);
  });

  it('does not write an unchanged body again', async () => {
    await upsertPlanComment(api(2), `${PLAN_MARKER}\nsame`);
    const before = forge.requests.length;
    const res = await upsertPlanComment(api(2), `${PLAN_MARKER}\nsame`);
    expect(res.action).toBe('unchanged');
    expect(forge.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('pages through every comment (Link rel="next") to find the plan comment on a late page', async () => {
    for (let i = 0; i < 7; i++) forge.seed(`${REPO}#3`, 'alice', `review comment ${i}`);
    const plan = forge.seed(`${REPO}#3`, 'github-actions[bot]', `${PLAN_MARKER}\nold plan`);
    forge.seed(`${REPO}#3`, 'bob', 'lgtm');
    const all = await api(3).list();
    expect(all).toHaveLength(9);
    expect(all.map((c) => c.id)).toEqual(forge.comments(`${REPO}#3`).map((c) => c.id));
    const pages = forge.requests.filter((r) => r.method === 'GET' && r.path === `/repos/${REPO}/issues/3/comments`);
    expect(pages.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3']);
    const res = await upsertPlanComment(api(3), `${PLAN_MARKER}\nnew plan`);
    expect(res).toMatchObject({ action: 'updated', comment: { id: plan.id } });
  });

  it('ignores comments that only quote the marker, and with --author those of other accounts', async () => {
    forge.seed(`${REPO}#4`, 'mallory', `> ${PLAN_MARKER}\nquoted`);
    const planted = forge.seed(`${REPO}#4`, 'mallory', `${PLAN_MARKER}\nplanted by someone else`);
    const res = await upsertPlanComment(api(4), `${PLAN_MARKER}\nreal plan`, { author: 'github-actions[bot]' });
    expect(res.action).toBe('created');
    expect(forge.comments(`${REPO}#4`).find((c) => c.id === planted.id)?.body).toBe(`${PLAN_MARKER}\nplanted by someone else`);
    // Without the filter the oldest marker comment is taken.
    const loose = await upsertPlanComment(api(4), `${PLAN_MARKER}\nreal plan 2`);
    expect(loose.comment.id).toBe(planted.id);
    expect(loose.duplicates).toBe(1);
  });

  it('reports a bad token and a read-only token without showing either', async () => {
    const bad = await upsertPlanComment(api(5, 'ghs_notAValidToken123'), `${PLAN_MARKER}\nx`).catch((e: Error) => e);
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toMatch(/GitHub API GET \/github\/repos\/acme\/dns\/issues\/5\/comments: HTTP 401 Bad credentials \(check the token\)/);
    expect((bad as Error).message).not.toContain('ghs_notAValidToken123');
    const ro = await upsertPlanComment(api(5, READ_ONLY), `${PLAN_MARKER}\nx`).catch((e: Error) => e);
    expect((ro as Error).message).toMatch(/POST .*: HTTP 403 Resource not accessible by integration/);
    expect((ro as Error).message).not.toContain(READ_ONLY);
  });

  it('refuses to follow a next link to another host with the token', async () => {
    const hostile = await startForgeServer({ githubTokens: { [TOKEN]: { login: 'x', write: true } }, githubRepos: [REPO], maxPerPage: 1, linkOrigin: 'http://attacker.example' });
    try {
      hostile.seed(`${REPO}#1`, 'a', 'one');
      hostile.seed(`${REPO}#1`, 'a', 'two');
      const err = await api(1, TOKEN, hostile.githubApiUrl).list().catch((e: Error) => e);
      expect((err as Error).message).toMatch(/next page is on another host \(http:\/\/attacker\.example\)/);
    } finally {
      await hostile.close();
    }
  });

  it('names the comment too long for GitHub (422) in the error', async () => {
    const err = await api(6).create(`${PLAN_MARKER}\n${'x'.repeat(70_000)}`).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/HTTP 422 Validation Failed .*body is too long/);
  });
});
