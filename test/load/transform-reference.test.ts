import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS } from '../../src/dsl/names.js';
import { CallSites } from '../../src/load/call-sites.js';
import { dslCall, findDslCalls } from '../../src/load/dsl-calls.js';
import { transformSource, WRAP_MIN_CHARS, type GlobLister } from '../../src/load/script-transform.js';
import { CallSites as ReferenceSites } from './reference/call-sites.js';
import { findDslCalls as referenceCalls } from './reference/dsl-calls.js';
import { transformSource as referenceTransform } from './reference/script-transform.js';

// The fused rewrite (src/load) against the straightforward one it replaced (test/load/reference):
// same text, positions, problems and sites on inputs chosen to trip a token-level rewrite.

const NAMES = new Set(DSL_GLOBALS);

const glob: GlobLister = (dir) => (dir === './missing/' ? 'no such directory' : { specifiers: ['./a.js', './b/c.js'], paths: ['a.js', 'b/c.js'] });

const CASES: Record<string, string> = {
  nested: 'D("x.example", REG, DnsProvider(DNS),\n  A("@", "192.0.2.1"),\n  MX("@", 10, "mx"), TXT("t", "a(b)c"),\n  CNAME("www", "@", TTL(300)));\n',
  comments: '// A("x")\n/* D("y", A("z")) */ D("a", /* MX( */ A("@", "1")); // TXT(\nA /* between */ ("b")\nA\n("c")\n',
  strings: 'const s = "A(\\"x\\")", q = \'D(1)\';\nD("s(", A("@", "\\u0041("), TXT("t", "quote \\" A("));\n',
  regexes: 'const re = /A\\(/g, half = a / 2;\nD("r", A("@", "1"), TXT("t", re.source));\nconst k = x.map((v) => v / 2 / 3).filter((v) => /D\\("/.test(v));\n',
  ambiguous: 'if (ok) /"/.test(s);\nconst note = "D(1)";\nD("a", A("@", "1"));\n',
  templates: 'const t = `${D("a", A("@", `${TXT("t", "x")}`))} and A(4) ${`${A("b")}`}`;\nconst u = tag`${MX("@", 1, "m")}`;\nD(`x${1}`, A(`@`));\n',
  declared: 'function A(x) { return x; }\nconst { MX } = helpers;\nD("d", A("@", "1"), MX("@", 1, "m"), TXT("t", "v"));\nimport { CNAME as C } from "./x";\n',
  generators: 'function* D(x) { yield x; }\nasync function MX() {}\nconst f = function * A() {};\nD("g", A("@", "1"), MX("@", 1, "m"), TXT("t", "v"));\n',
  imports: 'import { A, D, MX } from "zonesmith";\nimport { TXT } from "./local";\nD("d", A("@", "1"), MX("@", 1, "m"), TXT("t", "v"));\n',
  others: 'var mx = MX;\nD("a", mx("@", 1, "m"));\nD("b", helper(), new X(), o.m(), f?.(1), (g)(2), x[0](3), t`q`);\nD("c", A("@", "1"));\nD("d", typeof (A), void (0), A?.("x"));\n',
  suspending: 'async function f() { D("x", await g(), A("@", "1")); }\nfunction* h() { D("y", A(yield 1)); }\nD("z", A("@", "2"));\n',
  definitions: 'const o = { A(x) { return x; }, MX: (y) => y, D() {} };\nclass K { D() {} static A() {} get MX() { return 1; } #p = 1; }\no.D(1); new A(2); D<T>(4);\ninterface I { MX(x: number): void }\n',
  lines: 'D("crlf",\r\n  A("@", "1"),\r  A("@", "2"),\u2028  TXT("t", "line\u2029sep"));\nD("ls", A("@", "x\u2028y"));\n',
  loads: 'const a = require("./a.js");\nconst b = require(name);\nimport("./c.js");\nrequire_glob("./zones/", false, "ts");\nrequire_glob("./missing/");\nrequire_glob(dir);\no.require(x); function require(y) {}\nD("after", A("@", "1"));\n',
  unbalanced: 'D("a", A("@", "1"));\nD("b", A("@", "2");\nMX("@", 1, "m");\n',
  unicode: 'const café = 1, ünï = "A(";\nD("ü.example", A("@", "1"), TXT("t", "naïve D(")); const \u00a0x = A("y");\n',
  numbers: 'D("n", MX("@", 1e+5, "m"), MX("@", 0x1E+2, "m"), A("@", .5), TXT("t", 1_000));\n',
  hashbang: '#!/usr/bin/env node\nvar REG = NewRegistrar("none");\nD("h", REG, A("@", "1"));\n',
  script: 'var REG = NewRegistrar("none"), DNS = NewDnsProvider("bind");\nD("s", REG, DnsProvider(DNS), A("@", "1"));\nvar mx = MX;\nD("t", REG, mx("@", 1, "m"));\n',
  scriptParsed: 'var REG = NewRegistrar("none");\nfunction zone(n) { return D(n, REG, A("@", "1")); }\nzone("a");\nvar late = function () { D("b", REG); };\n',
};

// Large files are also wrapped (call-wrap.ts): pad each case past WRAP_MIN_CHARS, with code.
function large(text: string): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < WRAP_MIN_CHARS; i++) lines.push(`D("p${i}.example", REG, A("@", "192.0.2.${i % 250}"), ${i % 7 === 0 ? 'mx' : 'MX'}("@", ${i}, "m"));`);
  return `${text}${lines.join('\n')}\n${text}`;
}

interface Variant {
  readonly javascript: boolean;
  readonly scriptCandidate: boolean;
  readonly entry: boolean;
  readonly numbered: boolean;
}

const VARIANTS: readonly Variant[] = [
  { javascript: false, scriptCandidate: false, entry: false, numbered: true },
  { javascript: true, scriptCandidate: false, entry: true, numbered: true },
  { javascript: true, scriptCandidate: true, entry: false, numbered: true },
  { javascript: true, scriptCandidate: true, entry: true, numbered: false },
];

async function compare(text: string, v: Variant): Promise<void> {
  const sites = new CallSites();
  const refSites = new ReferenceSites();
  const input = { text, fileName: v.javascript ? 'f.js' : 'f.ts', javascript: v.javascript, scriptCandidate: v.scriptCandidate, entry: v.entry, glob, wrapNames: NAMES };
  const fast = await transformSource({ ...input, ...(v.numbered ? { sites } : {}) });
  const ref = await referenceTransform({ ...input, ...(v.numbered ? { sites: refSites } : {}) });
  expect(fast.contents).toBe(ref.contents);
  expect(fast.problems).toEqual(ref.problems);
  expect([fast.script, fast.wrapped, fast.edits === undefined]).toEqual([ref.script, ref.wrapped, ref.edits === undefined]);
  expect(sites.size).toBe(refSites.size);
  for (let s = 0; s <= sites.size + 1; s++) expect(sites.at(s)).toEqual(refSites.at(s));
  if (fast.edits && ref.edits) {
    // Every position of the rewritten text, and one past each line's end.
    const lines = fast.contents.split(/\r\n?|[\n\u2028\u2029]/);
    const mapped = (edits: NonNullable<typeof fast.edits>): string => {
      const out: number[] = [];
      for (let l = 1; l <= lines.length + 1; l++) {
        for (let c = 0; c <= (lines[l - 1]?.length ?? 0) + 2; c++) {
          const p = edits.map(l, c);
          out.push(p.line, p.column);
        }
      }
      return out.join(',');
    };
    expect(mapped(fast.edits) === mapped(ref.edits)).toBe(true);
  }
}

describe('the fused rewrite gives what the straightforward one gave', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: same calls, text, positions, problems and sites, small and large`, async () => {
      for (const javascript of [true, false]) {
        const calls = findDslCalls(text, NAMES, javascript);
        const ref = referenceCalls(text, NAMES, javascript);
        expect(calls && Array.from({ length: calls.count }, (_, k) => dslCall(calls, k))).toEqual(ref);
      }
      for (const v of VARIANTS) {
        await compare(text, v);
        await compare(large(text), v);
      }
    });
  }
});
