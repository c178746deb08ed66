import { collectConfig, rawDomain, rawProviders } from './collect.js';
import type { DomainDraft } from './draft.js';
import { state } from './state.js';

/**
 * Domains handed to the loader while the config still runs.
 *
 * The loader checks and normalises the config a domain at a time (src/load/raw-stream.ts). When
 * the DSL hands each domain over as soon as it is complete, the host does that work while the
 * sandbox is still evaluating, instead of after it: for 100,000 records the host's ~250 ms then
 * mostly overlaps the config's own run.
 *
 * A domain is complete when the next D() starts: everything D() and its modifiers do is done by
 * then, including the D_EXTEND a macro such as DOMAIN_ELSEWHERE adds right after its D(). Domains
 * go over strictly in order, as a prefix of all domains, joined with line breaks (JSON.stringify
 * writes none) into chunks of about {@link CHUNK_CHARS}, the first one led by the providers. What
 * comes later may still change what was handed over, and then the config goes over whole at the
 * end, as if nothing had been streamed (the loader throws the streamed work away):
 * - D_EXTEND of a domain already taken;
 * - providers or registrars declared after the first chunk (compared at the end).
 * The whole config is then put together from the texts already made, only the domains D_EXTEND
 * changed written again, so a config that extends domains at its end costs no second
 * serialisation. A domain holding an object the config could still change (a metadata value or
 * record argument that is an object or array) stops the streaming: it and every later domain go
 * at the end.
 */

/** Characters of domain JSON gathered before a chunk goes to the loader. */
const CHUNK_CHARS = 64 * 1024;

let emit: ((text: string) => void) | undefined;
/** Domains taken (serialised): a prefix of state.domains, their texts in {@link texts}. */
let taken = 0;
const texts: string[] = [];
/** Domains handed over: the first {@link sent} of those taken. */
let sent = 0;
/** The providers JSON handed over with the first chunk. */
let head: string | undefined;
/** Characters of the texts taken and not yet handed over (texts[sent..taken)). */
let pendingChars = 0;
/** Nothing more is streamed (a domain that could change, or no loader listening). */
let stopped = false;
/** What was handed over no longer holds: the config goes whole at the end. */
let invalid = false;
/** Index of each domain taken, and those changed after they were taken. */
const takenAt = new Map<DomainDraft, number>();
const changed = new Set<number>();

/** Streams domains to `sink` from now on (the sandbox's prelude calls it before the config runs). */
export function streamTo(sink: (text: string) => void): void {
  emit = sink;
}

/** Takes the domains completed since the last call (D() calls it before declaring the next one). */
export function streamCompleted(): void {
  if (!emit || stopped || invalid) return;
  const { domains } = state;
  while (taken < domains.length) {
    const d = domains[taken] as DomainDraft;
    if (!settled(d)) {
      stopped = true;
      break;
    }
    head ??= JSON.stringify(rawProviders());
    const text = JSON.stringify(rawDomain(d));
    takenAt.set(d, taken);
    texts.push(text);
    taken++;
    pendingChars += text.length;
  }
  if (pendingChars >= CHUNK_CHARS) flush();
}

/** `d` is about to change: whatever was streamed no longer holds if `d` was part of it. */
export function domainChanging(d: DomainDraft): void {
  const at = takenAt.get(d);
  if (at === undefined) return;
  invalid = true;
  changed.add(at);
}

function flush(): void {
  const lead = sent === 0 ? `${head}\n` : '';
  const batch = texts.slice(sent, taken);
  pendingChars = 0;
  sent = taken;
  (emit as (text: string) => void)(lead + batch.join('\n'));
}

/**
 * The config as JSON after it ran: with `streamed` 0 the whole RawConfig; otherwise the RawConfig
 * of the domains after the first `streamed`, which the loader already has (with the same providers).
 */
export function collectRest(): { json: string; streamed: number } {
  const { domains } = state;
  if (taken === 0) return { json: JSON.stringify(collectConfig()), streamed: 0 };
  const providers = JSON.stringify(rawProviders());
  if (sent === 0 || invalid || providers !== head) {
    // What JSON.stringify(collectConfig()) gives, from the texts already made where they still hold.
    const all = domains.map((d, i) => (i < taken && !changed.has(i) ? (texts[i] as string) : JSON.stringify(rawDomain(d))));
    return { json: `${providers.slice(0, -1)},"domains":[${all.join(',')}]}`, streamed: 0 };
  }
  const rest = texts.slice(sent);
  for (let i = taken; i < domains.length; i++) rest.push(JSON.stringify(rawDomain(domains[i] as DomainDraft)));
  return { json: `${(head as string).slice(0, -1)},"domains":[${rest.join(',')}]}`, streamed: sent };
}

/** Nothing in `d` is an object the config still holds and could change after handing it over. */
function settled(d: DomainDraft): boolean {
  if (!primitiveValues(d.meta)) return false;
  for (const list of [d.records, d.absent]) {
    for (const r of list) {
      for (const a of r.args) if (typeof a === 'object' && a !== null) return false;
      if (!primitiveValues(r.meta)) return false;
    }
  }
  return true;
}

function primitiveValues(o: Record<string, unknown>): boolean {
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}
