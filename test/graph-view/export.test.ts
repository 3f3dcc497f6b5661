/** @jest-environment jsdom */
import { toDot, dotString } from "../../src/core/graph/dot";
import { graphFormats, graphToSvg, graphTitle } from "../../src/core/graph/export";
import { layoutPhaseGraph, layoutTaskGraph } from "../../src/core/graph/layout";
import { escapeMermaidLabel, toMermaid } from "../../src/core/graph/mermaid";
import { buildGraphScene, renderGraphSvg } from "../../src/core/graph/svg";
import { largeGraph, makeGraph, smallGraph } from "./fixtures";

function parseSvg(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
  return doc;
}

/** A three-phase graph with every character that needs escaping. */
function trickyGraph() {
  return makeGraph(
    "visions/007-x/execute.md",
    [
      { id: "phase-1", title: "Setup", kind: "setup", line: 5 },
      { id: "phase-2", title: 'Say "hi" <b>[now]</b> #1 {x} | a & b `c`', label: "M1", priority: 1, mvp: true, line: 9 },
      { id: "phase-3", title: "Polish", kind: "polish", line: 14 },
    ],
    [
      { id: "T001", phase: "phase-1", text: "Init", done: true, line: 6 },
      { id: "T002", phase: "phase-2", text: 'Quote "x" & <y> #z', labels: ["M1"], line: 10, dependsOn: ["T001"] },
      { id: "T003", phase: "phase-3", text: "Ship", line: 15, dependsOn: ["T002"] },
    ],
  );
}

describe("SVG export", () => {
  test("a standalone, well-formed SVG with one group per node and inlined light/dark styles", () => {
    const graph = smallGraph();
    const text = renderGraphSvg(layoutPhaseGraph(graph), { title: "Demo & co" });
    const doc = parseSvg(text);
    const svg = doc.documentElement;
    expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    expect(doc.querySelectorAll("g.intentk-graph-node")).toHaveLength(6);
    expect(doc.querySelectorAll("path.intentk-graph-edge")).toHaveLength(6);
    expect(doc.querySelectorAll("path.intentk-graph-edge.is-critical").length).toBe(graph.criticalPath.length - 1);
    expect(doc.querySelectorAll("marker")).toHaveLength(2);
    const style = doc.querySelector("style")?.textContent ?? "";
    expect(style).toContain("prefers-color-scheme: dark");
    expect(style).not.toContain("var(--");
    expect(doc.querySelector("svg > title")?.textContent).toBe("Demo & co");
    // Each status has its own shape cue: check mark, dashed border (CSS), ready ring.
    expect(doc.querySelector('[data-node="p:phase-1"] .intentk-graph-icon-check')).not.toBeNull();
    expect(doc.querySelector('[data-node="p:phase-3"]')?.classList.contains("is-blocked")).toBe(true);
    expect(style).toMatch(/is-blocked \.intentk-graph-node-box \{[^}]*stroke-dasharray/);
    // Progress bar: 2 of 2 done fills the track.
    const track = doc.querySelector('[data-node="p:phase-1"] .intentk-graph-progress-track');
    const fill = doc.querySelector('[data-node="p:phase-1"] .intentk-graph-progress-fill');
    expect(fill?.getAttribute("width")).toBe(track?.getAttribute("width"));
    expect(doc.querySelector('[data-node="p:phase-1"] .intentk-graph-progress-label')?.textContent).toBe("2/2");
    // Not interactive outside the view.
    expect(doc.querySelector("[tabindex]")).toBeNull();
  });

  test("escapes text and keeps the full title for hover", () => {
    const graph = trickyGraph();
    graph.phases[2].title = "Polish " + "and more ".repeat(30);
    const doc = parseSvg(renderGraphSvg(layoutPhaseGraph(graph)));
    const tricky = doc.querySelector('[data-node="p:phase-2"]') as Element;
    expect(tricky.textContent).toContain('Say "hi" <b>[now]</b>');
    expect(tricky.querySelector("b")).toBeNull();
    const long = doc.querySelector('[data-node="p:phase-3"]') as Element;
    const lines = Array.from(long.querySelectorAll(".intentk-graph-node-title")).map((t) => t.textContent);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith("…")).toBe(true);
    expect(long.querySelector("title")?.textContent).toContain(graph.phases[2].title.trim());
  });

  test("the task layout exports too, with lanes, and 1,000 tasks stay well-formed", () => {
    const doc = parseSvg(renderGraphSvg(layoutTaskGraph(smallGraph())));
    expect(doc.querySelectorAll("rect.intentk-graph-lane")).toHaveLength(6);
    expect(doc.querySelectorAll("g.intentk-graph-node.is-task")).toHaveLength(11);
    const big = parseSvg(graphToSvg(largeGraph(1000, 12), { tasks: true }));
    expect(big.querySelectorAll("g.intentk-graph-node.is-task")).toHaveLength(1000);
  });

  test("the view scene is the same structure, focusable, without the standalone parts", () => {
    const layout = layoutPhaseGraph(smallGraph());
    const scene = buildGraphScene(layout, { standalone: false, interactive: true, idPrefix: "v1" });
    expect(scene.attrs?.viewBox).toBeUndefined();
    const viewport = scene.children?.find((c) => c.cls?.includes("intentk-graph-viewport"));
    const nodes = viewport?.children?.find((c) => c.cls?.includes("intentk-graph-nodes"))?.children ?? [];
    expect(nodes).toHaveLength(6);
    // Focusable from script, out of the tab order: the view makes one of them the tab stop.
    for (const n of nodes) {
      expect(n.attrs).toMatchObject({ tabindex: -1, role: "button" });
      expect(String(n.attrs?.["aria-label"])).toMatch(/, (done|ready|blocked), /);
    }
    expect(JSON.stringify(scene)).toContain("url(#v1-arrow)");
    expect(JSON.stringify(scene)).not.toContain('"style"');
  });

  test("graphFormats gives mermaid, svg, dot, gantt and timeline-svg", () => {
    const graph = smallGraph();
    expect(Object.keys(graphFormats).sort()).toEqual(["dot", "gantt", "mermaid", "svg", "timeline-svg"]);
    expect(graphFormats.mermaid(graph)).toBe(toMermaid(graph));
    expect(graphFormats.dot(graph)).toBe(toDot(graph));
    expect(graphFormats.svg(graph)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(graphTitle(graph)).toBe("001-demo — execute");
  });
});

describe("Mermaid", () => {
  test("golden: phase flowchart with status classes and the critical path", () => {
    expect(toMermaid(trickyGraph())).toBe(
      [
        "flowchart LR",
        '  p_phase_1["Setup<br/>✓ done · 1/1"]',
        '  p_phase_2["Say #quot;hi#quot; #lt;b#gt;#91;now#93;#lt;/b#gt; #35;1 #123;x#125; #124; a #amp; b c<br/>ready · 0/1 · P1 · 🎯 MVP"]',
        '  p_phase_3["Polish<br/>blocked · 0/1"]',
        "  p_phase_1 ==> p_phase_2",
        "  p_phase_2 ==> p_phase_3",
        "  classDef done fill:#e9f6ec,stroke:#1a7f37,stroke-width:1.5px,color:#1f2328",
        "  classDef ready fill:#ffffff,stroke:#0969da,stroke-width:2px,color:#1f2328",
        "  classDef blocked fill:#f6f8fa,stroke:#6e7781,stroke-width:1.5px,stroke-dasharray:6 4,color:#424a53",
        "  classDef critical stroke:#bc4c00,stroke-width:3px",
        "  class p_phase_1 done",
        "  class p_phase_2 ready",
        "  class p_phase_3 blocked",
        "  class p_phase_1,p_phase_2,p_phase_3 critical",
        "  linkStyle 0,1 stroke:#bc4c00,stroke-width:3px",
        "",
      ].join("\n"),
    );
  });

  test("golden: tasks by phase in subgraphs", () => {
    expect(toMermaid(trickyGraph(), { tasks: true, phases: ["phase-2", "phase-3"] })).toBe(
      [
        "flowchart LR",
        '  subgraph p_phase_2["Say #quot;hi#quot; #lt;b#gt;#91;now#93;#lt;/b#gt; #35;1 #123;x#125; #124; a #amp; b c<br/>ready · 0/1 · P1 · 🎯 MVP"]',
        "    direction TB",
        '    t_T002["T002<br/>Quote #quot;x#quot; #amp; #lt;y#gt; #35;z"]',
        "  end",
        '  subgraph p_phase_3["Polish<br/>blocked · 0/1"]',
        "    direction TB",
        '    t_T003["⏸ T003<br/>Ship"]',
        "  end",
        "  t_T002 --> t_T003",
        "  p_phase_2 ==> p_phase_3",
        "  classDef done fill:#e9f6ec,stroke:#1a7f37,stroke-width:1.5px,color:#1f2328",
        "  classDef ready fill:#ffffff,stroke:#0969da,stroke-width:2px,color:#1f2328",
        "  classDef blocked fill:#f6f8fa,stroke:#6e7781,stroke-width:1.5px,stroke-dasharray:6 4,color:#424a53",
        "  classDef critical stroke:#bc4c00,stroke-width:3px",
        "  class t_T002,p_phase_2 ready",
        "  class t_T003,p_phase_3 blocked",
        "  class p_phase_2,p_phase_3 critical",
        "  linkStyle 1 stroke:#bc4c00,stroke-width:3px",
        "",
      ].join("\n"),
    );
  });

  test("labels never carry a raw quote, bracket, hash or angle bracket; ids are safe and unique", () => {
    expect(escapeMermaidLabel('a "b" [c] #d <e> {f} |g| `h` & i')).toBe("a #quot;b#quot; #91;c#93; #35;d #lt;e#gt; #123;f#125; #124;g#124; #96;h#96; #amp; i");
    const graph = makeGraph("x.md", [{ id: "end", title: "A" }, { id: "e-n-d", title: "B" }, { id: "e_n_d", title: "C" }], []);
    const ids = toMermaid(graph).split("\n").filter((l) => l.includes('["')).map((l) => l.trim().split("[")[0]);
    expect(ids).toEqual(["p_end", "p_e_n_d", "p_e_n_d_2"]);
  });

  test("hide done leaves out done phases", () => {
    expect(toMermaid(smallGraph(), { hideDone: true })).not.toContain("p_phase_1[");
  });
});

describe("DOT", () => {
  test("golden: phases with status styles and the critical path", () => {
    expect(toDot(trickyGraph())).toBe(
      [
        "digraph plan {",
        '  graph [rankdir=LR, nodesep=0.35, ranksep=0.7, fontname="Helvetica", compound=true];',
        '  node [shape=box, fontname="Helvetica", fontsize=11, margin="0.15,0.08"];',
        '  edge [color="#6e7781", arrowsize=0.8];',
        '  "phase-1" [label="Setup\\n✓ done · 1/1", tooltip="Phase 1: Setup", style="rounded,filled", fillcolor="#e9f6ec", color="#bc4c00", penwidth=2.5];',
        '  "phase-2" [label="Say \\"hi\\" <b>[now]</b> #1 {x}\\n| a & b c\\nready · 0/1 · P1 · 🎯 MVP", tooltip="Phase 2: Say \\"hi\\" <b>[now]</b> #1 {x} | a & b `c`", style="rounded,filled,bold", fillcolor="#ffffff", color="#bc4c00", penwidth=2.5];',
        '  "phase-3" [label="Polish\\nblocked · 0/1", tooltip="Phase 3: Polish", style="rounded,filled,dashed", fillcolor="#f6f8fa", color="#bc4c00", penwidth=2.5];',
        '  "phase-1" -> "phase-2" [color="#bc4c00", penwidth=3];',
        '  "phase-2" -> "phase-3" [color="#bc4c00", penwidth=3];',
        "}",
        "",
      ].join("\n"),
    );
  });

  test("strings escape backslashes, quotes and line breaks", () => {
    expect(dotString('a\\b "c"\nd')).toBe('"a\\\\b \\"c\\"\\nd"');
  });

  test("tasks go in one cluster per phase with their dependencies", () => {
    const dot = toDot(trickyGraph(), { tasks: true });
    expect(dot.match(/subgraph "cluster_\d+"/g)).toHaveLength(3);
    expect(dot).toContain('"T001" -> "T002";');
    expect(dot).toContain('"T002" -> "T003";');
    expect(dot).toContain('style="rounded,filled,dashed"');
  });
});
