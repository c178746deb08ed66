/** A 1-based line and column in a JSON text. */
export interface TextPos {
  readonly line: number;
  readonly column: number;
}

/** What a scan of a JSON text found: the positions asked for, or where the text stops being JSON. */
export interface JsonScan {
  readonly positions: Map<string, TextPos>;
  readonly syntaxError?: { readonly message: string; readonly pos: TextPos };
}

/**
 * Finds where values sit in a JSON text, by path (`domains[2].records[5].ttl`, `` for the root).
 * JSON.parse gives no positions, so this second, position-only scan runs just when a diagnostic
 * needs a place to point at; it also locates syntax errors the same way on every Node version.
 */
export function scanJson(text: string, wanted: ReadonlySet<string>): JsonScan {
  const positions = new Map<string, TextPos>();
  let i = 0;
  const n = text.length;

  let lineStarts: number[] | undefined;
  const posAt = (index: number): TextPos => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - (lineStarts[lo] as number) + 1 };
  };
  class Stop extends Error {}
  const fail = (message: string): never => {
    throw Object.assign(new Stop(message), { index: i });
  };
  const ws = (): void => {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const str = (): string => {
    const start = ++i;
    while (i < n && text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    if (i >= n) fail('a string is not closed');
    const raw = text.slice(start, i++);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  const value = (path: string): void => {
    ws();
    if (wanted.has(path)) positions.set(path, posAt(i));
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') return void i++;
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail('expected a quoted property name');
        const key = str();
        ws();
        if (text.charAt(i) !== ':') fail('expected ":" after a property name');
        i++;
        value(path ? `${path}.${key}` : key);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') return void i++;
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') return void i++;
      for (let k = 0; ; k++) {
        value(`${path}[${k}]`);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') return void i++;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return void str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail(i >= n ? 'the text ends too early' : `unexpected ${JSON.stringify(c)}`);
    i += (m as RegExpExecArray)[0].length;
  };

  try {
    value('');
    ws();
    if (i < n) fail('unexpected text after the JSON value');
    return { positions };
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return { positions, syntaxError: { message: err.message, pos: posAt((err as Stop & { index: number }).index) } };
  }
}
