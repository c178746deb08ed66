/**
 * A minimal XML reader and writer for the Route 53 test server. The requests it reads are the SDK's
 * own REST-XML bodies: elements, text and the five predefined entities plus numeric references; no
 * attributes matter (only `xmlns`), no CDATA, no mixed content.
 */

/** One parsed element: its children in document order and its text (trimmed when it has children). */
export interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  text: string;
}

/** Parses a document and returns its root element; throws on malformed input. */
export function parseXml(src: string): XmlNode {
  let i = 0;
  const skipMisc = (): void => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith('<?', i)) i = need(src.indexOf('?>', i), '?>') + 2;
      else if (src.startsWith('<!--', i)) i = need(src.indexOf('-->', i), '-->') + 3;
      else return;
    }
  };
  const need = (at: number, what: string): number => {
    if (at < 0) throw new Error(`malformed XML: missing ${what}`);
    return at;
  };
  const element = (): XmlNode => {
    if (src[i] !== '<') throw new Error(`malformed XML at ${i}`);
    const end = need(src.indexOf('>', i), '>');
    const selfClosing = src[end - 1] === '/';
    const head = src.slice(i + 1, selfClosing ? end - 1 : end).trim();
    const name = localName(head.split(/\s/)[0] ?? '');
    i = end + 1;
    const node: XmlNode = { name, children: [], text: '' };
    if (selfClosing) return node;
    let text = '';
    for (;;) {
      if (src.startsWith('</', i)) {
        const close = need(src.indexOf('>', i), '>');
        if (localName(src.slice(i + 2, close).trim()) !== name) throw new Error(`malformed XML: </${name}> expected`);
        i = close + 1;
        break;
      }
      if (src.startsWith('<!--', i)) {
        i = need(src.indexOf('-->', i), '-->') + 3;
      } else if (src[i] === '<') {
        node.children.push(element());
      } else {
        const next = need(src.indexOf('<', i), '<');
        text += decodeEntities(src.slice(i, next));
        i = next;
      }
    }
    node.text = node.children.length > 0 ? text.trim() : text;
    return node;
  };
  skipMisc();
  return element();
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** The first child called `name`, if any. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Every child called `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of the first child called `name`, if any. */
export function childText(node: XmlNode, name: string): string | undefined {
  return child(node, name)?.text;
}

/** Escapes text for element content. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A value that renders as an element: text, nested elements, or nothing when undefined. */
export type XmlValue = string | number | boolean | undefined | XmlElement | readonly XmlElement[];

/** An element to render: `[name, value]`. */
export type XmlElement = readonly [string, XmlValue];

/** Renders elements; undefined values are omitted, as AWS omits absent optional members. */
export function render(elements: readonly XmlElement[]): string {
  let out = '';
  for (const [name, value] of elements) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out += `<${name}>${esc(String(value))}</${name}>`;
    } else if (isElement(value)) {
      out += `<${name}>${render([value])}</${name}>`;
    } else {
      out += `<${name}>${render(value as readonly XmlElement[])}</${name}>`;
    }
  }
  return out;
}

function isElement(v: XmlValue): v is XmlElement {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Array.isArray(v[0]);
}
