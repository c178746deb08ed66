import { domainToASCII, domainToUnicode } from 'node:url';
import { ZonesmithError } from '../../src/errors.js';

/**
 * DNSControl's `filenameformat` (documentation/provider/bind.md, read 2026-11): printf-like verbs
 * `%T` tag, `%c` canonical (`name!tag`), `%a` ASCII, `%u` Unicode, `%r` raw, `%f` (`%a%?_%T`),
 * `%F` (`%T%?_%a`), `%?x` (x when there is a tag), `%%`, and the deprecated `%U` (`%D%?!%T`) and
 * `%D` (raw, lower-cased). Everything else is copied. The default is `%c.zone`.
 */

/** The default format (DNSControl v4.28 and later). */
export const DEFAULT_FILENAME_FORMAT = '%c.zone';

/** One piece of a parsed format. */
type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'verb'; readonly verb: string }
  | { readonly kind: 'if-tag'; readonly text: string };

/** The parts of a zone's name the verbs draw on. */
export interface ZoneNames {
  /** ASCII (punycode), lower-case. */
  readonly ascii: string;
  /** '' when there is none. */
  readonly tag: string;
  /** Unicode form; the raw name as written in D() is not kept by the IR, so `%r` and `%D` use this. */
  readonly unicode: string;
}

const VERBS = new Set(['T', 'c', 'a', 'u', 'r', 'f', 'F', 'U', 'D']);

/** Parses and checks a format; throws ZonesmithError `bind-settings` naming the problem. */
export function parseFilenameFormat(format: string): readonly Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      text += c;
      continue;
    }
    const v = format[i + 1];
    if (v === undefined) throw bad('it ends with an incomplete "%"');
    i++;
    if (v === '%') {
      text += '%';
      continue;
    }
    if (text !== '') pieces.push({ kind: 'text', text });
    text = '';
    if (v === '?') {
      const x = format[i + 1];
      if (x === undefined) throw bad('it ends with an incomplete "%?"');
      pieces.push({ kind: 'if-tag', text: x });
      i++;
      continue;
    }
    if (!VERBS.has(v)) throw bad(`"%${v}" is not a verb (use %T %c %a %u %r %f %F %? %%)`);
    pieces.push({ kind: 'verb', verb: v });
  }
  if (text !== '') pieces.push({ kind: 'text', text });
  if (!pieces.some((p) => p.kind === 'verb' && p.verb !== 'T')) throw bad('it has no verb for the zone name (%c, %a, %u, %r, %f or %F)');
  return pieces;
}

function bad(why: string): ZonesmithError {
  return new ZonesmithError('bind-settings', `creds.json key "filenameformat": ${why}`);
}

function verbValue(verb: string, n: ZoneNames): string {
  const q = (x: string): string => (n.tag === '' ? '' : x);
  switch (verb) {
    case 'T':
      return n.tag;
    case 'c':
      return n.ascii + q(`!${n.tag}`);
    case 'a':
      return n.ascii;
    case 'u':
      return n.unicode;
    case 'r':
      return n.unicode;
    case 'f':
      return n.ascii + q(`_${n.tag}`);
    case 'F':
      return q(`${n.tag}_`) + n.ascii;
    case 'U':
      return n.unicode.toLowerCase() + q(`!${n.tag}`);
    default:
      return n.unicode.toLowerCase();
  }
}

/** The file name (relative to the zone directory) for a zone. */
export function formatFilename(pieces: readonly Piece[], names: ZoneNames): string {
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'if-tag') out += names.tag === '' ? '' : p.text;
    else out += verbValue(p.verb, names);
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The zone a file name stands for, by reading the format backwards (what `get-zones` needs); null
 * when the name does not fit the format. Like DNSControl it does not try very hard: a tag is a run
 * without `/ ! _ .` and only the first name verb counts; a name verb matches as little as it can,
 * so `db_%a%?_%T` reads `db_example.com_inside` as `example.com`.
 */
export function zoneFromFilename(pieces: readonly Piece[], filename: string): string | null {
  const TAG = '[^/!_.]+';
  let re = '^';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const next = pieces[i + 1];
    if (p.kind === 'text') re += escapeRegex(p.text);
    else if (p.kind === 'if-tag' && next?.kind === 'verb' && next.verb === 'T') {
      re += `(?:${escapeRegex(p.text)}${TAG})?`;
      i++;
    } else if (p.kind === 'verb' && p.verb === 'T' && next?.kind === 'if-tag') {
      re += `(?:${TAG}${escapeRegex(next.text)})?`;
      i++;
    } else if (p.kind === 'if-tag') re += `(?:${escapeRegex(p.text)})?`;
    else if (p.verb === 'T') re += `(?:${TAG})?`;
    else if (p.verb === 'c' || p.verb === 'U') re += `([^/!]+?)(?:!${TAG})?`;
    else if (p.verb === 'f') re += `([^/!]+?)(?:_${TAG})?`;
    else if (p.verb === 'F') re += `(?:${TAG}_)?([^/!]+?)`;
    else re += '([^/!]+?)';
  }
  const regex = new RegExp(`${re}$`);
  // An empty tag at the start (`%T/%a.zone`) leaves a leading `/` that joining the path removed.
  const m = regex.exec(filename) ?? regex.exec(`/${filename}`);
  if (!m || m[1] === undefined) return null;
  const ascii = domainToASCII(m[1].toLowerCase());
  return ascii === '' ? null : ascii.replace(/\.$/, '');
}

/** ZoneNames from a zone's ASCII name, tag and (optional) Unicode name. */
export function zoneNames(ascii: string, tag = '', unicode?: string): ZoneNames {
  return { ascii: ascii.toLowerCase(), tag, unicode: unicode ?? (domainToUnicode(ascii) || ascii) };
}
