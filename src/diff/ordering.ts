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
  // Name -> index of its change, or the indices when several changes share a name.
  const byName = new Map<string, number | number[]>();
  changes.forEach((c, i) => {
    const at = byName.get(c.name);
    if (at === undefined) byName.set(c.name, i);
    else if (typeof at === 'number') byName.set(c.name, [at, i]);
    else at.push(i);
  });
  const list = (at: number | number[] | undefined): readonly number[] => (at === undefined ? [] : typeof at === 'number' ? [at] : at);

  const lookup = (fqdn: string): readonly number[] => {
    const name = stripDot(fqdn);
    const exact = byName.get(name);
    if (exact !== undefined) return list(exact);
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      const wild = byName.get(`*${name.slice(dot)}`);
      if (wild !== undefined) return list(wild);
    }
    return [];
  };

  // Most changes have no edges; their successor sets are created on first use.
  const succ: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n);
  const indeg = new Int32Array(n);
  const edge = (from: number, to: number): void => {
    if (from === to) return;
    const set = (succ[from] ??= new Set<number>());
    if (set.has(to)) return;
    set.add(to);
    indeg[to] = (indeg[to] as number) + 1;
  };
  changes.forEach((c, i) => {
    for (const d of c.details) {
      // A TTL-only change keeps its target, so it neither needs nor frees anything.
      if (d.kind === 'ttl') continue;
      if (d.kind !== 'delete') for (const t of recordDependencies(d.after)) for (const j of lookup(t)) edge(j, i);
      if (d.kind !== 'create') for (const t of recordDependencies(d.before)) for (const j of lookup(t)) edge(i, j);
    }
  });
  for (const at of byName.values()) {
    if (typeof at === 'number') continue;
    for (const i of at) {
      if (changes[i]?.kind !== 'delete') continue;
      for (const j of at) if (changes[j]?.kind === 'create') edge(i, j);
    }
  }

  const heap = new IndexHeap();
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const done = new Uint8Array(n);
  const ordered: Change[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    done[i] = 1;
    ordered.push(changes[i] as Change);
    for (const j of succ[i] ?? []) {
      indeg[j] = (indeg[j] as number) - 1;
      if (indeg[j] === 0) heap.push(j);
    }
  }
  const unresolved = changes.filter((_, i) => !done[i]);
  return { changes: ordered.concat(unresolved), unresolved };
}
