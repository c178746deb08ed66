/**
 * Globs as IGNORE rules use them (gobwas/glob syntax): `*` any run without the separator, `**`
 * any run, `?` one character other than the separator, `[abc]`, `[!a-c]`, `{a,b}` alternatives,
 * `\x` a literal x; a glob of just `*` matches anything. Label globs use `.` as the separator (the
 * IR contract: `*` stays within one label); target globs use none, as DNSControl compiles them
 * (pkg/diff2/handsoff.go, read 2026-05), so `10.*` matches `10.1.2.3`.
 * Returns a RegExp, or the reason the glob is malformed.
 */
export function compileGlob(glob: string, separator: '.' | '' = '.'): RegExp | string {
  const one = separator ? '[^.]' : '.';
  // A lone `*` (and the empty glob, normalised to it) means "anything", dots included (§4.4).
  if (glob === '*' || glob === '') return /^/;
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '\\') {
      if (i + 1 >= glob.length) return 'ends with a lone backslash';
      out += escape(glob.charAt(++i));
    } else if (c === '*') {
      if (glob.charAt(i + 1) === '*') {
        out += '.*';
        i++;
      } else out += `${one}*`;
    } else if (c === '?') out += one;
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return `has an unclosed "[" at position ${i + 1}`;
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/[\\\]]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += escape(c);
  }
  if (braces > 0) return 'has an unclosed "{"';
  try {
    return new RegExp(`^${out}$`, 's');
  } catch (err) {
    return (err as Error).message;
  }
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
