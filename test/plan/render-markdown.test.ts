import { describe, expect, it } from 'vitest';
import { renderMarkdown, PLAN_MARKER } from '../../src/plan/render/markdown.js';
import { codeSpan, escapeText } from '../../src/plan/render/markdown-escape.js';
import type { Plan } from '../../src/plan/types.js';
import { assemblePlan } from '../../src/plan/build.js';
import { blockedPlan, errorPlan, hostilePlan, largePlan, rec, smallPlan, zonePlan } from './fixtures.js';

/** Removes code spans the way CommonMark finds them (a backtick run closed by a run of the same length). */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`' || (i > 0 && line[i - 1] === '\\')) {
      out += line[i];
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const fence = line.slice(i, j);
    const close = line.slice(j).search(new RegExp(`(?<!\`)${fence}(?!\`)`));
    if (close < 0) {
      out += fence;
      i = j;
    } else {
      out += 'CODE';
      i = j + close + fence.length;
    }
  }
  return out;
}

/** Cells of a GFM table row: split on pipes that are not backslash-escaped (code spans do not protect pipes). */
function cells(line: string): number {
  return line.split(/(?<!\\)\|/).length - 2;
}

/** Checks the rules hostile data must not break: every table row has its columns, and no HTML escapes a code span. */
function checkStructure(md: string): void {
  const allowedTags = /^<\/?(details|summary)>|^<!-- zonesmith:plan -->/;
  let inFence = false;
  for (const line of md.split('\n')) {
    if (/^`{3,}/.test(line)) inFence = !inFence;
    if (inFence || /^`{3,}/.test(line)) continue;
    if (line.startsWith('|')) {
      const n = cells(line);
      expect([6], `row has ${n} cells: ${line}`).toContain(n);
    }
    const bare = withoutCodeSpans(line).replace(/<\/?(details|summary)>/g, '');
    for (const m of bare.matchAll(/</g)) expect(bare.slice(m.index), `raw HTML outside code: ${line}`).toMatch(allowedTags);
  }
  expect(inFence).toBe(false);
}

describe('Markdown escaping', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<b>&amp;</b>', '&lt;b&gt;&amp;amp;&lt;/b&gt;'],
    ['*x* _y_ [l](u) `c` ~s~ #1', '\\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` \\~s\\~ \\#1'],
    ['two\nlines', 'two lines'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapeText(%j) = %j', (input, out) => {
    expect(escapeText(input)).toBe(out);
  });

  it.each([
    ['1.2.3.4', '`1.2.3.4`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
    ['a|b', '`a\\|b`'],
    ['x\ny', '`x\\010y`'],
    ['', ''],
  ])('codeSpan(%j) = %j', (input, out) => {
    expect(codeSpan(input)).toBe(out);
  });
});

describe('renderMarkdown', () => {
  const all: [string, () => Plan][] = [
    ['small', smallPlan],
    ['hostile', hostilePlan],
    ['blocked', () => blockedPlan()],
    ['forced', () => blockedPlan(true)],
    ['error', errorPlan],
    ['large', largePlan],
  ];

  it.each(all)('%s: matches the snapshot', async (name, make) => {
    await expect(renderMarkdown(make())).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it.each(all)('%s: starts with the marker, ends with one newline, keeps the table shape', (_name, make) => {
    const md = renderMarkdown(make());
    expect(md.split('\n')[0]).toBe(PLAN_MARKER);
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
    checkStructure(md);
  });

  it('summarises zones, changes, blocked zones and zones in error, and shows the checksum', () => {
    const small = smallPlan();
    const md = renderMarkdown(small);
    expect(md).toContain('**3 zones: 1 create, 2 updates, 1 delete.**');
    expect(md).toContain(`Plan checksum: \`${small.checksum}\``);
    expect(renderMarkdown(blockedPlan())).toContain('**1 zone: 0 creates, 1 update, 7 deletes.** 1 zone blocked by the safety rails.');
    expect(renderMarkdown(errorPlan())).toContain('1 zone could not be planned.');
  });

  it('keeps every hostile value as the literal text inside a code span', () => {
    const md = renderMarkdown(hostilePlan());
    expect(md).toContain('`"</td></tr></table><script>alert(1)</script><img src=x onerror=alert(2)>"`');
    expect(md).toContain('`"\\| a \\| b \\|\\010\\| c \\| d \\|"`');
    expect(md).toContain('``"`code` **bold** _em_ [link](https://evil.example) ![img](https://evil.example/x.png)"``');
    expect(md).toContain('`"raw\\010newline \\| and \\027[2J clear \\u{202e} rtl"`');
    expect(md.split(PLAN_MARKER)).toHaveLength(3); // the marker itself, and the one inside a TXT value (in a code span)
  });

  it('folds zones with many changes in <details>', () => {
    const md = renderMarkdown(largePlan(), { maxChars: 1_000_000 });
    expect(md.match(/<details><summary>/g)).toHaveLength(3);
    expect(renderMarkdown(smallPlan())).not.toContain('<details>');
  });

  it('cuts a large plan to 65,000 characters and says exactly what it left out', () => {
    const plan = largePlan();
    const md = renderMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md.length).toBeGreaterThan(60_000);
    checkStructure(md);
    // Count what is shown per zone and check the note against it.
    const shown = new Map<string, number>();
    let zone = '';
    for (const line of md.split('\n')) {
      const h = /^### `([^`]+)`/.exec(line);
      if (h) zone = h[1] as string;
      if (line.startsWith('| Create |')) shown.set(zone, (shown.get(zone) ?? 0) + 1);
    }
    const parts: string[] = [];
    for (const z of plan.zones) {
      const total = z.changes.flatMap((c) => c.details).length;
      const s = shown.get(z.domain) ?? 0;
      if (s === 0) parts.push(`the section of \`${z.domain}\` (bind) with all ${total.toLocaleString('en-US')} changes`);
      else if (s < total) parts.push(`${(total - s).toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} changes of \`${z.domain}\` (bind)`);
    }
    expect(parts.length).toBeGreaterThan(0);
    expect(md).toContain(`> **This comment is cut to stay under 65,000 characters.** Left out: ${parts.join('; ')}. `);
  });

  it('honours a smaller limit, down to the summary alone', () => {
    for (const max of [20_000, 3_000, 900]) {
      const md = renderMarkdown(largePlan(), { maxChars: max });
      expect(md.length).toBeLessThanOrEqual(max);
      checkStructure(md);
      expect(md).toContain('Left out:');
    }
  });

  it('with many zones, accounts for every zone: shown, listed in the note, or counted in it', () => {
    const zones = Array.from({ length: 400 }, (_, i) => {
      const z = `z${i}.example`;
      return zonePlan(z, [], [rec(z, 'www', 'A', '192.0.2.1'), rec(z, 'api', 'A', '192.0.2.2')], { provider: 'bind', providerType: 'BIND', granularity: 'zone' });
    });
    const md = renderMarkdown(assemblePlan(zones), { maxChars: 30_000 });
    expect(md.length).toBeLessThanOrEqual(30_000);
    checkStructure(md);
    const shown = (md.match(/^### /gm) ?? []).length;
    const note = /Left out: (.*)\. The whole plan/.exec(md)?.[1] ?? '';
    const listed = (note.match(/the section of /g) ?? []).length;
    const more = Number(/the sections of ([0-9,]+) more zones/.exec(note)?.[1]?.replace(/,/g, '') ?? 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown + listed + more).toBe(400);
    const summaryRows = (md.match(/^\| `z[0-9]+\.example` \| bind/gm) ?? []).length;
    const cutRows = Number(/the summary rows of the last ([0-9,]+) zones/.exec(note)?.[1]?.replace(/,/g, '') ?? 0);
    expect(summaryRows + cutRows).toBe(400);
  });
});
