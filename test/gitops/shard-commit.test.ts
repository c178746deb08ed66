// --shard (a stable, even split) and where the pushed commit and the actor come from.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkCommit, pushIdentity } from '../../src/gitops/commit.js';
import { parseShard, shardOf } from '../../src/gitops/shard.js';
import { workspace } from './helpers.js';

describe('--shard', () => {
  it('parses i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3', '-1/3']) expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/n/);
  });

  it('puts every domain in exactly one share, the same one every time, and the shares near equal', () => {
    const names = Array.from({ length: 4000 }, (_, i) => `zone-${i}.example`);
    const sizes = [0, 0, 0, 0];
    for (const n of names) {
      const s = shardOf(n, 4);
      expect(s).toBe(shardOf(n, 4));
      sizes[s - 1]!++;
    }
    expect(sizes.reduce((a, b) => a + b)).toBe(4000);
    for (const s of sizes) expect(Math.abs(s - 1000)).toBeLessThan(150);
    // Adding domains never moves existing ones.
    expect(shardOf('zone-7.example', 4)).toBe(shardOf('zone-7.example', 4));
  });
});

describe('the pushed commit and the actor', () => {
  it('prefers --commit, then git HEAD, then GITHUB_SHA, then CI_COMMIT_SHA', () => {
    const ws = workspace();
    try {
      const env = { GITHUB_SHA: 'a'.repeat(40), CI_COMMIT_SHA: 'b'.repeat(40), GITHUB_ACTOR: 'octocat', GITLAB_USER_LOGIN: 'gl', USER: 'me' };
      expect(pushIdentity({ commit: 'v1.2.3', dir: ws.dir, env })).toEqual({ commit: 'v1.2.3', commitSource: '--commit', actor: 'octocat' });
      expect(pushIdentity({ dir: ws.dir, env })).toMatchObject({ commit: 'a'.repeat(40), commitSource: 'GITHUB_SHA' });
      expect(pushIdentity({ dir: ws.dir, env: { CI_COMMIT_SHA: 'b'.repeat(40), GITLAB_USER_LOGIN: 'gl' } })).toEqual({ commit: 'b'.repeat(40), commitSource: 'CI_COMMIT_SHA', actor: 'gl' });
      expect(pushIdentity({ dir: ws.dir, env: {} })).toEqual({ commit: undefined, commitSource: undefined, actor: undefined });
      execFileSync('git', ['-C', ws.dir, 'init', '-q']);
      execFileSync('git', ['-C', ws.dir, '-c', 'user.name=t', '-c', 'user.email=t@e.test', 'commit', '-q', '--allow-empty', '-m', 'x']);
      const head = execFileSync('git', ['-C', ws.dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      expect(pushIdentity({ dir: ws.dir, env })).toMatchObject({ commit: head, commitSource: 'git rev-parse HEAD' });
    } finally {
      ws.cleanup();
    }
  });

  it('refuses a --commit that would need quoting', () => {
    expect(() => checkCommit('abc"; rm')).toThrow(/--commit: expected/);
    expect(() => checkCommit('')).toThrow();
    expect(checkCommit('main@3f2a9c1')).toBe('main@3f2a9c1');
  });
});
