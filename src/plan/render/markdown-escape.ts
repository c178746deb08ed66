import { sanitize } from './lines.js';

/**
 * Text for a Markdown table cell or paragraph: HTML's `& < >` become entities (so no tag or entity
 * can be injected), Markdown's `\ ` * _ [ ] | ~ #` are backslash-escaped (no emphasis, link, code
 * or strikethrough, and `|` cannot end the cell), line breaks become spaces (a row is one line) and
 * control characters become `\DDD`.
 */
export function escapeText(text: string): string {
  return sanitize(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]|~#]/g, '\\$&');
}

/**
 * Data (names, record values) as a code span: inside one, GitHub renders everything literally (no
 * HTML, emphasis, links, autolinks, @mentions or emoji), so hostile TXT data shows as the text it
 * is. The fence is one backtick longer than the longest backtick run in the text; in a table `|`
 * is written `\|`, which GFM's table parser turns back into `|` even inside a code span; line breaks and
 * control characters are shown as `\DDD`, the way zone files write them.
 */
export function codeSpan(text: string, inTable = true): string {
  if (text === '') return '';
  // Outside a table a `\|` would show its backslash, and a pipe needs no escape there.
  const body = inTable ? sanitize(text).replace(/\|/g, '\\|') : sanitize(text);
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // GFM strips one space from each side when both are there, so pad when the data starts or ends
  // with a backtick (which would merge with the fence) or a space (which would be stripped).
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A fenced code block for free text (an error a provider returned): nothing in it is interpreted.
 * The fence is longer than any backtick run in the text.
 */
export function codeBlock(text: string): string {
  const body = text.split(/\r\n|\r|\n/).map(sanitize).join('\n');
  let longest = 2;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body}\n${fence}`;
}
