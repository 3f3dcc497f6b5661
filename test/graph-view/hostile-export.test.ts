/** @jest-environment jsdom */
/**
 * Exports stay well-formed whatever the titles hold: control characters, NUL, U+FFFE/U+FFFF,
 * unpaired surrogates, quotes, `]]`, `-->`, `<script>`. The SVG is parsed as XML; the DOT text is
 * checked against Graphviz's grammar (the subset the exporter writes) by a small parser below.
 */
import fc from "fast-check";
import { toDot } from "../../src/core/graph/dot";
import { layoutPhaseGraph, layoutTaskGraph } from "../../src/core/graph/layout";
import { toMermaid } from "../../src/core/graph/mermaid";
import { renderGraphSvg } from "../../src/core/graph/svg";
import { xmlSafeText } from "../../src/core/text/safe-chars";
import { makeGraph } from "./fixtures";

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("\u0000", "\u0001\u0008\u000b\u000c\u001f", "\uFFFE\uFFFF", "\uD800 lone", "x\uDC00", "a\r\nb\rc\nd", '"quoted" \\ back', "]]", "-->", "<script>alert(1)</script>", "&amp; &#0;", "]]>"),
  fc.array(fc.constantFrom("\u0000", "\u0007", "\uFFFF", '"', "\\", "]]", "-->", "<", "&", "é", "🎯", " ", "\t", "\n", "\r"), { maxLength: 12 }).map((xs) => xs.join("")),
);

function graphOf(titles: string[], texts: string[]) {
  const phases = titles.map((title, i) => ({ id: `phase-${i + 1}`, title, line: 1 + i * 10 }));
  const tasks = texts.map((text, i) => ({ id: `T${String(i + 1).padStart(3, "0")}`, phase: phases[i % phases.length].id, text, line: 2 + i, done: i % 2 === 0 }));
  return makeGraph(`visions/0${titles[0]}/execute.md`, phases, tasks);
}

function expectWellFormedSvg(text: string): void {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("svg");
}

// --- A DOT reader for the grammar the exporter uses (graphviz.org/doc/info/lang.html) ---------
type Tok = { kind: "id" | "punct"; text: string };

function lexDot(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith("->", i)) {
      toks.push({ kind: "punct", text: "->" });
      i += 2;
    } else if ("{}[]=;,".includes(c)) {
      toks.push({ kind: "punct", text: c });
      i++;
    }
    else if (c === '"') {
      let j = i + 1;
      let value = "";
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === "\\") j++;
        value += src[j];
      }
      if (j >= src.length) throw new Error(`unterminated string at ${i}`);
      for (const ch of value) {
        const code = ch.codePointAt(0)!;
        if ((code < 0x20 && ch !== "\t") || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) throw new Error(`character U+${code.toString(16)} in a string`);
      }
      toks.push({ kind: "id", text: value });
      i = j + 1;
    } else {
      const m = /^(?:[A-Za-z_\u0080-\uFFFF][A-Za-z_0-9\u0080-\uFFFF]*|-?(?:\.\d+|\d+(?:\.\d*)?))/.exec(src.slice(i, i + 200));
      if (!m) throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
      toks.push({ kind: "id", text: m[0] });
      i += m[0].length;
    }
  }
  return toks;
}

/** graph : digraph [ID] '{' stmt_list '}' — throws on anything else. */
function parseDot(src: string): { nodes: Set<string>; edges: number } {
  const t = lexDot(src);
  let p = 0;
  const nodes = new Set<string>();
  let edges = 0;
  const peek = (): Tok | undefined => t[p];
  const expectPunct = (s: string): void => {
    if (t[p]?.kind !== "punct" || t[p].text !== s) throw new Error(`expected ${s} at token ${p}: ${JSON.stringify(t[p])}`);
    p++;
  };
  const id = (): string => {
    if (t[p]?.kind !== "id") throw new Error(`expected an ID at token ${p}: ${JSON.stringify(t[p])}`);
    return t[p++].text;
  };
  const attrList = (): void => {
    while (peek()?.text === "[") {
      p++;
      while (peek()?.text !== "]") {
        id();
        expectPunct("=");
        id();
        if (peek()?.text === ";" || peek()?.text === ",") p++;
      }
      p++;
    }
  };
  const stmtList = (): void => {
    while (peek() && peek()!.text !== "}") {
      const first = peek()!;
      if (first.kind === "id" && ["graph", "node", "edge"].includes(first.text) && t[p + 1]?.text === "[") {
        p++;
        attrList();
      } else if (first.kind === "id" && first.text === "subgraph") {
        p++;
        if (peek()?.kind === "id") id();
        expectPunct("{");
        stmtList();
        expectPunct("}");
      } else {
        const a = id();
        if (peek()?.text === "=") {
          p++;
          id();
        } else {
          nodes.add(a);
          while (peek()?.text === "->") {
            p++;
            nodes.add(id());
            edges++;
          }
          attrList();
        }
      }
      if (peek()?.text === ";") p++;
    }
  };
  if (id() !== "digraph") throw new Error("not a digraph");
  if (peek()?.kind === "id") id();
  expectPunct("{");
  stmtList();
  expectPunct("}");
  if (p !== t.length) throw new Error("text after the graph");
  return { nodes, edges };
}

describe("exports with any characters in titles", () => {
  test("the DOT checker rejects what Graphviz rejects", () => {
    expect(() => parseDot('digraph { "a\u0000" }')).toThrow();
    expect(() => parseDot('digraph { "a }')).toThrow();
    expect(() => parseDot('digraph { a -> }')).toThrow();
    expect(parseDot('digraph plan { node [shape=box]; "a" -> "b" [color="red"]; }').edges).toBe(1);
  });

  test("SVG parses as XML, DOT follows the grammar, Mermaid keeps one node per line", () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 4 }), fc.array(nasty, { minLength: 1, maxLength: 5 }), (titles, texts) => {
        const graph = graphOf(titles, texts);
        expectWellFormedSvg(renderGraphSvg(layoutPhaseGraph(graph), { title: titles[0] }));
        expectWellFormedSvg(renderGraphSvg(layoutTaskGraph(graph), { title: texts[0] }));
        const phases = parseDot(toDot(graph));
        expect(phases.nodes.size).toBe(titles.length);
        const tasks = parseDot(toDot(graph, { tasks: true }));
        expect(tasks.nodes.size).toBe(texts.length);
        const mermaid = toMermaid(graph);
        expect(xmlSafeText(mermaid)).toBe(mermaid);
      }),
      { numRuns: 150 },
    );
  });

  test("the escaping that worked is kept: titles read back as written, forbidden characters as U+FFFD", () => {
    const title = 'Say "hi" <script>x</script> ]] --> \u0000end\uFFFF';
    const graph = graphOf([title], ["T"]);
    const doc = new DOMParser().parseFromString(renderGraphSvg(layoutPhaseGraph(graph), { title }), "image/svg+xml");
    expect(doc.querySelector("svg > title")?.textContent).toBe(xmlSafeText(title));
    expect(xmlSafeText(title)).toBe('Say "hi" <script>x</script> ]] --> \uFFFDend\uFFFD');
    expect(lexDot(toDot(graph)).some((tok) => tok.text.includes('Say "hi" <script>x</script> ]] --> \uFFFDend\uFFFD'))).toBe(true);
    expect(xmlSafeText("ok 🎯 é\t\n")).toBe("ok 🎯 é\t\n");
  });
});
