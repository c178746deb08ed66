/**
 * Packing batch operations into as few `dns_records/batch` requests as the per-request limit allows
 * (Free 200, paid plans 3,500 operations; developers.cloudflare.com/dns/manage-dns-records/how-to/
 * batch-record-changes, checked 2026-11). Pure: no I/O.
 *
 * Cloudflare runs a batch as deletes → patches → puts → posts, whatever order the operations were
 * meant to happen in. Two kinds of order therefore matter:
 *  - Across requests, the engine's dependency order: requests are cut from the operations in that
 *    order, so an operation never lands in an earlier request than one it depends on (a CNAME is
 *    never created before its in-zone target, a target never removed before what points at it).
 *  - At one name, Cloudflare's own rules (a CNAME stands alone, no identical records, a DS needs its
 *    NS): split over requests, an operation that the batch order would have run first (a delete
 *    before a patch, a patch that vacates a value before the patch that takes it, an NS post before
 *    a DS post) must not end up in a later request. Where the engine order already agrees with the
 *    batch order at a name, any cut is safe; where it does not, the name's operations from first to
 *    last are kept in one request.
 * With those two rules, N independent operations take exactly ceil(N / limit) requests. A name with
 * more tangled operations than one request holds is put in batch order and then cut.
 */
import type { Change } from '../../src/diff/types.js';
import type { PlannedOp } from './plan.js';

/** One request: its operations in the lists Cloudflare takes, and the changes they carry out. */
export interface Chunk {
  /** The changes, in the engine's order (what ctx.applied reports). */
  readonly changes: readonly Change[];
  /** Operations in the order they are sent (deletes, patches, posts). */
  readonly ops: readonly PlannedOp[];
  readonly body: {
    readonly deletes: Record<string, unknown>[];
    readonly patches: Record<string, unknown>[];
    readonly posts: Record<string, unknown>[];
  };
}

/** Position of an operation in Cloudflare's batch order, at one name. */
export function batchRank(op: PlannedOp): number {
  if (op.kind === 'delete') return op.type === 'NS' ? 1 : 0; // a DS goes before the NS it needs
  if (op.kind === 'patch') return 2;
  return op.type === 'NS' ? 3 : 4; // an NS comes before the DS that needs it
}

/** The least number of requests for `n` operations. */
export function lowerBound(n: number, limit: number): number {
  return Math.ceil(n / limit);
}

/** Packs operations (in engine order) into requests of at most `limit` operations. */
export function packChunks(ops: readonly PlannedOp[], limit: number): Chunk[] {
  if (ops.length === 0) return [];
  const reach = spans(ops);
  const chunks: PlannedOp[][] = [];
  let current: PlannedOp[] = [];
  const flush = (): void => {
    if (current.length > 0) chunks.push(current);
    current = [];
  };
  for (let i = 0; i < ops.length; ) {
    let end = i;
    for (let j = i; j <= end; j++) end = Math.max(end, reach[j]!);
    const block = ops.slice(i, end + 1);
    i = end + 1;
    if (block.length <= limit) {
      if (current.length + block.length > limit) flush();
      current.push(...block);
      continue;
    }
    // Larger than a request: in batch order at every name, any cut is safe.
    for (const op of inBatchOrder(block)) {
      if (current.length === limit) flush();
      current.push(op);
    }
  }
  flush();
  return chunks.map(toChunk);
}

/**
 * For each position, the last position its block must reach: a name whose operations are not in
 * batch order in the engine's list is kept whole from its first operation to its last.
 */
function spans(ops: readonly PlannedOp[]): number[] {
  const reach = ops.map((_, i) => i);
  const byName = new Map<string, number[]>();
  ops.forEach((op, i) => {
    const l = byName.get(op.name);
    if (l) l.push(i);
    else byName.set(op.name, [i]);
  });
  for (const idx of byName.values()) {
    if (idx.length < 2 || inOrder(idx.map((i) => ops[i]!))) continue;
    const last = idx[idx.length - 1]!;
    reach[idx[0]!] = Math.max(reach[idx[0]!]!, last);
  }
  return reach;
}

/** True when operations at one name already come in an order the batch would run them in. */
function inOrder(ops: readonly PlannedOp[]): boolean {
  for (let i = 1; i < ops.length; i++) if (batchRank(ops[i]!) < batchRank(ops[i - 1]!)) return false;
  const freedAt = new Map<string, number>();
  ops.forEach((op, i) => {
    if (op.kind === 'patch' && op.frees !== undefined) freedAt.set(op.frees, i);
  });
  return ops.every((op, i) => op.kind !== 'patch' || op.takes === undefined || (freedAt.get(op.takes) ?? -1) < i);
}

/** The operations of a block reordered so that every name's come in batch order, in its own slots. */
function inBatchOrder(block: readonly PlannedOp[]): PlannedOp[] {
  const slots = new Map<string, number[]>();
  const byName = new Map<string, PlannedOp[]>();
  block.forEach((op, i) => {
    (slots.get(op.name) ?? slots.set(op.name, []).get(op.name)!).push(i);
    (byName.get(op.name) ?? byName.set(op.name, []).get(op.name)!).push(op);
  });
  const out: PlannedOp[] = new Array<PlannedOp>(block.length);
  for (const [name, list] of byName) {
    const sorted = orderPatches([...list].sort((a, b) => batchRank(a) - batchRank(b) || a.index - b.index));
    slots.get(name)!.forEach((slot, k) => {
      out[slot] = sorted[k]!;
    });
  }
  return out;
}

/**
 * Patches ordered so that one taking a value comes after the patch freeing it (else the zone would
 * hold two identical records for a moment, which Cloudflare refuses). Other operations keep their
 * places relative to the patches.
 */
function orderPatches(ops: readonly PlannedOp[]): PlannedOp[] {
  const patches = ops.filter((o) => o.kind === 'patch');
  if (patches.length < 2) return [...ops];
  const freer = new Map<string, PlannedOp>();
  for (const p of patches) if (p.frees !== undefined) freer.set(p.frees, p);
  const done = new Set<PlannedOp>();
  const ordered: PlannedOp[] = [];
  const visit = (p: PlannedOp, path: Set<PlannedOp>): void => {
    if (done.has(p) || path.has(p)) return; // a cycle cannot come from the diff; keep the given order
    path.add(p);
    const before = p.takes !== undefined ? freer.get(p.takes) : undefined;
    if (before && before !== p) visit(before, path);
    done.add(p);
    ordered.push(p);
  };
  for (const p of patches) visit(p, new Set());
  let k = 0;
  return ops.map((o) => (o.kind === 'patch' ? ordered[k++]! : o));
}

/**
 * The request body: within each list, a name's operations keep together at the place of its first
 * one, in batch order (so an NS post precedes the DS post at its name, a DS delete the NS delete).
 */
function toChunk(ops: readonly PlannedOp[]): Chunk {
  const first = new Map<string, number>();
  const pos = new Map<PlannedOp, number>();
  ops.forEach((op, i) => {
    if (!first.has(op.name)) first.set(op.name, i);
    pos.set(op, i);
  });
  const sortList = (list: PlannedOp[]): PlannedOp[] =>
    list.sort((a, b) => first.get(a.name)! - first.get(b.name)! || batchRank(a) - batchRank(b) || pos.get(a)! - pos.get(b)!);
  const deletes = sortList(ops.filter((o) => o.kind === 'delete'));
  const patches = orderPatches(sortList(ops.filter((o) => o.kind === 'patch')));
  const posts = sortList(ops.filter((o) => o.kind === 'post'));
  return {
    changes: [...ops].sort((a, b) => a.index - b.index).map((o) => o.change),
    ops: [...deletes, ...patches, ...posts],
    body: { deletes: deletes.map((o) => o.body), patches: patches.map((o) => o.body), posts: posts.map((o) => o.body) },
  };
}
