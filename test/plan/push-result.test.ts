import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/types.js';
import { pushResult, skippedPush } from '../../src/plan/push-result.js';
import { changeLine } from '../../src/plan/render/lines.js';
import { rec, zonePlan } from './fixtures.js';

const Z = 'push.example';
const zone = zonePlan(Z, [rec(Z, 'old', 'A', '192.0.2.9')], [rec(Z, 'a', 'A', '192.0.2.1'), rec(Z, 'b', 'A', '192.0.2.2')], { granularity: 'record' });
const [c1, c2, c3] = zone.changes as [Change, Change, Change];
const lines = (xs: readonly Parameters<typeof changeLine>[0][]) => xs.map(changeLine);

describe('pushResult', () => {
  it('all confirmed: applied', () => {
    const r = pushResult(zone, { applied: [c1, c2, c3] });
    expect(r.status).toBe('applied');
    expect(r.applied).toHaveLength(3);
    expect(r.error).toBeUndefined();
  });

  it('a failure after one batch: partial, with exactly what was applied', () => {
    const r = pushResult(zone, { applied: [c1], failed: [c2], error: 'HTTP 400: invalid record' });
    expect(r.status).toBe('partial');
    expect(lines(r.applied)).toEqual(['+ CREATE a.push.example A 192.0.2.1 ttl=300']);
    expect(lines(r.failed)).toEqual(['+ CREATE b.push.example A 192.0.2.2 ttl=300']);
    expect(lines(r.notApplied)).toEqual(['- DELETE old.push.example A 192.0.2.9 ttl=300']);
    expect(r.error).toBe('HTTP 400: invalid record');
  });

  it('matches copies of the changes, not only the same objects', () => {
    const copy = JSON.parse(JSON.stringify(c1)) as Change;
    expect(pushResult(zone, { applied: [copy], error: 'boom' }).applied).toHaveLength(1);
  });

  it('nothing confirmed: failed', () => {
    const r = pushResult(zone, { applied: [], error: 'timeout' });
    expect(r.status).toBe('failed');
    expect(r.notApplied).toHaveLength(3);
  });

  it('changes the provider never confirmed are not reported as applied, even without an error', () => {
    const r = pushResult(zone, { applied: [c1, c2] });
    expect(r.status).toBe('partial');
    expect(r.error).toBe('the provider did not confirm 1 of 3 changes');
  });

  it('skipped zones list everything as not applied', () => {
    const r = skippedPush(zone, 'blocked by the safety rails');
    expect(r).toMatchObject({ status: 'skipped', applied: [], failed: [], error: 'blocked by the safety rails' });
    expect(r.notApplied).toHaveLength(3);
    expect(pushResult(zonePlan(Z, [], []), { applied: [] }).status).toBe('skipped');
  });
});
