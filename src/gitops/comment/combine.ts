import { ZonesmithError } from '../../errors.js';
import { assemblePlan } from '../../plan/build.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../plan/render/markdown.js';
import type { Plan } from '../../plan/types.js';

/**
 * Puts the plans of several jobs (shards of one estate) together into one plan, zones sorted by
 * domain and provider (the shards' hash order means nothing to a reader).
 * A zone in two plans is an error: the shards overlap, and one comment must not count it twice.
 */
export function combinePlans(plans: readonly Plan[]): Plan {
  const seen = new Map<string, number>();
  plans.forEach((p, i) => {
    for (const z of p.zones) {
      const k = `${z.domain} (${z.provider})`;
      const before = seen.get(k);
      if (before !== undefined) throw new ZonesmithError('plans-overlap', `${k} is in saved plans ${before + 1} and ${i + 1}; the shards overlap`);
      seen.set(k, i);
    }
  });
  const zones = plans.flatMap((p) => p.zones);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return assemblePlan([...zones].sort((a, b) => cmp(a.domain, b.domain) || cmp(a.provider, b.provider)));
}

/**
 * The pull-request comment for one plan, or for several combined: the Markdown plan (with its
 * marker on the first line), and for several plans a line naming each part's checksum, so each
 * job's saved plan can be matched to what the reviewer saw. Never longer than `maxChars`.
 */
export function renderComment(plans: readonly Plan[], maxChars: number = GITHUB_COMMENT_LIMIT): string {
  if (plans.length === 1) return renderMarkdown(plans[0]!, { maxChars });
  const combined = combinePlans(plans);
  const parts = `Combined from ${plans.length} saved plans: ${plans.map((p, i) => `${i + 1}. \`${p.checksum}\``).join(', ')}`;
  const md = renderMarkdown(combined, { maxChars: maxChars - parts.length - 2 });
  return md.replace(/^(Plan checksum: `[0-9a-f]{64}`)$/m, `$1\n\n${parts}`);
}
