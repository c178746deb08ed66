import type { DnsRecord } from '../records/types.js';
import { recordDependencies } from './record-view.js';
import type { Change } from './types.js';

/** Result of {@link orderChanges}. */
export interface OrderResult {
  /** Every change, dependencies first. */
  readonly changes: Change[];
  /** Changes caught in a dependency cycle; they are at the end of `changes`, in pre-sort order. */
  readonly unresolved: Change[];
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** Min-heap of indices: Kahn's algorithm picks the earliest ready change so the pre-sort order holds where it can. */
class IndexHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= v) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.a;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
        if ((a[c] as number) >= last) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * Orders changes by their in-zone dependencies (DNSControl's `orderByDependencies`): a change that
 * creates or updates a CNAME/MX/NS/SRV/DNAME/ALIAS comes after every change at its new target
 * (forward), one that deletes or updates such a record comes before every change at its old target
 * (backward), and at one name deletes come before creates (a CNAME cannot coexist with other data).
 * A target matches a change at the same name or, failing that, at the closest enclosing wildcard.
 * Among ready changes the earliest in the input order goes first; changes in a cycle are appended.
 */
export function orderChanges(changes: readonly Change[]): OrderResult {
  const n = changes.length;
  const byName = new Map<string, number[]>();
  changes.forEach((c, i) => {
    const list = byName.get(c.name);
    if (list) list.push(i);
    else byName.set(c.name, [i]);
  });

  const lookup = (fqdn: string): readonly number[] => {
    const name = stripDot(fqdn);
    const exact = byName.get(name);
    if (exact) return exact;
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      const wild = byName.get(`*${name.slice(dot)}`);
      if (wild) return wild;
    }
    return [];
  };

  const succ: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const indeg = new Array<number>(n).fill(0);
  const edge = (from: number, to: number): void => {
    if (from === to || succ[from]?.has(to)) return;
    succ[from]?.add(to);
    indeg[to] = (indeg[to] as number) + 1;
  };
  const depsOf = (recs: readonly DnsRecord[]): string[] => recs.flatMap(recordDependencies);

  changes.forEach((c, i) => {
    const forward: DnsRecord[] = [];
    const backward: DnsRecord[] = [];
    for (const d of c.details) {
      // A TTL-only change keeps its target, so it neither needs nor frees anything.
      if (d.kind === 'create' || d.kind === 'update') forward.push(d.after);
      if (d.kind === 'delete' || d.kind === 'update') backward.push(d.before);
    }
    for (const t of depsOf(forward)) for (const j of lookup(t)) edge(j, i);
    for (const t of depsOf(backward)) for (const j of lookup(t)) edge(i, j);
  });
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      if (changes[i]?.kind !== 'delete') continue;
      for (const j of list) if (changes[j]?.kind === 'create') edge(i, j);
    }
  }

  const heap = new IndexHeap();
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const done = new Array<boolean>(n).fill(false);
  const ordered: Change[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    done[i] = true;
    ordered.push(changes[i] as Change);
    for (const j of succ[i] as Set<number>) {
      indeg[j] = (indeg[j] as number) - 1;
      if (indeg[j] === 0) heap.push(j);
    }
  }
  const unresolved = changes.filter((_, i) => !done[i]);
  return { changes: ordered.concat(unresolved), unresolved };
}
