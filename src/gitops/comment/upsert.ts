import { PLAN_MARKER } from '../../plan/render/markdown.js';
import type { CommentApi, ForgeComment } from './types.js';

/** What {@link upsertPlanComment} did. */
export interface UpsertResult {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly comment: ForgeComment;
  /** Other plan comments found (left alone), e.g. from two runs that raced. */
  readonly duplicates: number;
}

/**
 * True for a plan comment: its body starts with the marker. A comment that merely contains the
 * marker (a hostile TXT value quoted in a plan, a reviewer quoting one) is not ours.
 */
export function isPlanComment(c: ForgeComment, author?: string): boolean {
  return c.body.startsWith(PLAN_MARKER) && (author === undefined || c.author?.toLowerCase() === author.toLowerCase());
}

/**
 * Creates the plan comment, or updates the one already there (the oldest carrying the marker, so the
 * comment keeps its place in the conversation). With `author`, only that account's comments count:
 * anyone who can comment could otherwise plant a marker comment for zonesmith to overwrite. An
 * unchanged body is not written again (no notification, no API call).
 */
export async function upsertPlanComment(api: CommentApi, body: string, opts: { readonly author?: string } = {}): Promise<UpsertResult> {
  const mine = (await api.list()).filter((c) => isPlanComment(c, opts.author));
  const first = mine[0];
  if (!first) return { action: 'created', comment: await api.create(body), duplicates: 0 };
  if (first.body === body) return { action: 'unchanged', comment: first, duplicates: mine.length - 1 };
  return { action: 'updated', comment: await api.update(first.id, body), duplicates: mine.length - 1 };
}
