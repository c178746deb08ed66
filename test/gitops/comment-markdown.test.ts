// The pull-request comment as zonesmith comment posts it: snapshots of a combined comment and of a
// plan hostile in every field (not only TXT data), the size limit with several plans, and the
// structure checks hostile data must not break. test/plan covers one plan: small, large, hostile TXT.
import { describe, expect, it } from 'vitest';
import { combinePlans, renderComment } from '../../src/gitops/comment/combine.js';
import { assemblePlan, failedZonePlan } from '../../src/plan/build.js';
import { PLAN_MARKER } from '../../src/plan/render/markdown.js';
import type { Plan } from '../../src/plan/types.js';
import { errorPlan, hostilePlan, HOSTILE_TXT, largePlan, rec, smallPlan, zonePlan } from '../plan/fixtures.js';

/** A line with its code spans (CommonMark: a backtick run closed by a run of the same length) replaced. */
function outsideCode(line: string): string {
  return line.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, 'CODE');
}

/** Rows keep six or six summary cells, nothing but the allowed tags is raw HTML, fences close. */
function checkStructure(md: string): void {
  // The open fence's backtick count: a fence closes only with at least as many (CommonMark).
  let fence = 0;
  for (const line of md.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1]?.length ?? 0;
    if (fence === 0 && run > 0) {
      fence = run;
      continue;
    }
    if (fence > 0) {
      if (run >= fence && /^`+\s*$/.test(line)) fence = 0;
      continue;
    }
    if (line.startsWith('|')) expect(line.split(/(?<!\\)\|/).length - 2, line).toBe(6);
    const bare = outsideCode(line).replace(/<\/?(details|summary)>/g, '').replace(PLAN_MARKER, '');
    expect(bare, `raw HTML outside code: ${line}`).not.toMatch(/<[a-z!/]/i);
    expect(bare, `unescaped mention or link outside code: ${line}`).not.toMatch(/(^|[^\\])@octocat|(^|[^\\])\[link\]\(/);
  }
  expect(fence).toBe(0);
}

/** Hostile data in the places test/plan does not reach: zone and provider names, kept records, errors. */
function hostileEverywhere(): Plan {
  const z = 'evil.example';
  const kept = zonePlan(z, [rec(z, 'keep', 'TXT', HOSTILE_TXT[0]!), rec(z, 'keep2', 'TXT', HOSTILE_TXT[3]!)], [rec(z, 'www', 'A', '192.0.2.1', 300, 3)], {
    provider: 'p|<b>x</b>',
    providerType: 'ROUTE53',
    unicodeName: 'ëvil<script>.example',
    handsOff: { purge: true, disableIgnoreSafetyCheck: false, ignores: [{ label: 'keep*', types: 'TXT', target: '*' }] },
  });
  const broken = failedZonePlan(
    { domain: 'broken.example', unicodeName: 'broken.example', provider: 'cf', providerType: 'CLOUDFLAREAPI', granularity: 'record' },
    'HTTP 500 <html><body><script>alert(1)</script></body></html>\n```\n| a | b |\n@octocat [link](https://evil.example)',
  );
  return assemblePlan([kept, broken]);
}

describe('the plan comment', () => {
  it('(the structure check itself catches broken rows, raw HTML, mentions and open fences)', () => {
    expect(() => checkStructure('| a | b |')).toThrow();
    expect(() => checkStructure('text <script>alert(1)</script>')).toThrow();
    expect(() => checkStructure('hi @octocat')).toThrow();
    expect(() => checkStructure('````\n```\n')).toThrow();
    expect(() => checkStructure('`<b>` and ``a`b`` \\@octocat')).not.toThrow();
  });

  it('one plan: the Markdown plan itself', () => {
    expect(renderComment([smallPlan()])).toBe(renderComment([smallPlan()]));
    expect(renderComment([smallPlan()]).split('\n')[0]).toBe(PLAN_MARKER);
  });

  it('several plans: one comment, every zone, each part checksum named (snapshot)', async () => {
    const parts = [smallPlan(), hostilePlan(), errorPlan()];
    const md = renderComment(parts);
    await expect(md).toMatchFileSnapshot('__snapshots__/combined.md');
    expect(md.split('\n')[0]).toBe(PLAN_MARKER);
    expect(md).toContain(`Plan checksum: \`${combinePlans(parts).checksum}\``);
    expect(md).toContain(`Combined from 3 saved plans: 1. \`${parts[0]!.checksum}\`, 2. \`${parts[1]!.checksum}\`, 3. \`${parts[2]!.checksum}\``);
    for (const z of parts.flatMap((p) => p.zones)) expect(md).toContain(`| \`${z.domain}\` |`);
    checkStructure(md);
  });

  it('hostile zone names, provider names, kept records and error texts stay inert (snapshot)', async () => {
    const md = renderComment([hostileEverywhere()]);
    await expect(md).toMatchFileSnapshot('__snapshots__/hostile-everywhere.md');
    checkStructure(md);
    expect(md).not.toContain('<b>x</b>');
  });

  it('several large plans stay under GitHub\'s 65,000 characters, the parts line included', () => {
    const second = assemblePlan(largePlan().zones.map((z) => ({ ...z, domain: `b-${z.domain}` })));
    const md = renderComment([largePlan(), second]);
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toContain('Combined from 2 saved plans:');
    expect(md).toContain('> **This comment is cut to stay under');
    checkStructure(md);
  });
});
