/**
 * Splits the sandbox's JSON into the root's providers and one text per domain, so the loader can
 * parse, check and hand over one domain at a time: a domain's raw objects are then garbage once
 * its consumer took it, and die young, instead of all 100,000 records surviving (and being copied
 * by) every young-generation GC until the last domain is done.
 *
 * Only the shape JSON.stringify gives a RawConfig is split:
 * `{"registrars":[...],"dnsProviders":[...],"domains":[{...},{...}]}`, no whitespace, no other
 * key. Anything else gives undefined and is parsed whole. The providers' ends are found by counting
 * brackets; a domain's end is not: scanning 8 MB a character at a time cost as much as a quarter
 * of JSON.parse. It is where the next domain starts, `},{"name":"…","registrar":` (collect.ts
 * writes those two keys first; no other object of the DSL starts with them), found by indexOf.
 *
 * The split needs no trust in the text, and no certainty about the guess: every part is parsed by
 * JSON.parse, and the text between parts is exactly the punctuation above. JSON's grammar is
 * unambiguous, so when every part parses, the whole text is valid JSON whose domains are exactly
 * those parts; when a guess was wrong (that pattern inside a metadata array), the part before it
 * fails to parse and the caller reads the text whole: slower, same result.
 */

/** The parts of the sandbox's JSON. */
export interface RawParts {
  /** `{"registrars":[...],"dnsProviders":[...]}`: the root without its domains. */
  readonly head: string;
  /** Each domain's text, in order. */
  readonly domains: readonly string[];
}

const HEAD = '{"registrars":';
const DNS_PROVIDERS = ',"dnsProviders":';
const DOMAINS = ',"domains":[';
// A domain's end, when the next domain (collect.ts: name, registrar first) follows it.
const NEXT_DOMAIN = '},{"name":';
const REGISTRAR = ',"registrar":';
const TAIL = '}]}';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The parts of `json`, or undefined when it is not in the plain shape. */
export function splitRawConfig(json: string): RawParts | undefined {
  if (!json.startsWith(HEAD)) return undefined;
  let i = containerEnd(json, HEAD.length);
  if (i < 0 || !json.startsWith(DNS_PROVIDERS, i)) return undefined;
  i = containerEnd(json, i + DNS_PROVIDERS.length);
  if (i < 0 || !json.startsWith(DOMAINS, i)) return undefined;
  const head = `${json.slice(0, i)}}`;
  i += DOMAINS.length;
  const domains: string[] = [];
  if (json.charCodeAt(i) === CLOSE_BRACKET) return i === json.length - 2 && json.charCodeAt(i + 1) === CLOSE_BRACE ? { head, domains } : undefined;
  // The brace that closes the last domain.
  const last = json.length - TAIL.length;
  if (last < i || !json.endsWith(TAIL)) return undefined;
  for (;;) {
    if (json.charCodeAt(i) !== OPEN_BRACE) return undefined;
    const end = domainEnd(json, i, last);
    domains.push(json.slice(i, end + 1));
    if (end === last) return { head, domains };
    i = end + 2;
  }
}

/** The brace that closes the domain starting at `start`, guessed (see the file's comment); `last` when none follows. */
function domainEnd(json: string, start: number, last: number): number {
  let from = start;
  for (;;) {
    const k = json.indexOf(NEXT_DOMAIN, from);
    if (k < 0 || k > last) return last;
    const name = k + NEXT_DOMAIN.length;
    if (json.charCodeAt(name) === QUOTE) {
      const q = stringEnd(json, name);
      if (q > 0 && json.startsWith(REGISTRAR, q + 1)) return k;
    }
    from = k + 1;
  }
}

/**
 * Index just past the object or array that starts at `i`, found by counting brackets outside
 * strings; -1 when none starts there or it does not close. (Mismatched brackets are JSON.parse's
 * to refuse.)
 */
function containerEnd(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return -1;
  let depth = 0;
  for (const n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index of the quote that closes the string opening at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  for (;;) {
    const q = s.indexOf('"', i + 1);
    if (q < 0) return -1;
    // An even number of backslashes before it (none, mostly): this quote is not escaped.
    let b = q - 1;
    while (s.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    i = q;
  }
}
