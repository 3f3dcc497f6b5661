/**
 * JSON Canvas 1.0 (https://jsoncanvas.org/spec/1.0/), written down as checks from the spec's text:
 * the top level holds optional `nodes` and `edges` arrays; every node has a string `id`, a `type`
 * (text, file, link, group) and integer x, y, width, height; text nodes need `text`, file nodes
 * `file` (and an optional `subpath` starting with `#`), link nodes `url`; group nodes may carry
 * `label`, `background`, `backgroundStyle` (cover, ratio, repeat). Edges have a string `id`,
 * `fromNode` and `toNode` naming existing nodes, optional sides (top, right, bottom, left), ends
 * (none, arrow), `color` and `label`. A color is a preset "1"–"6" or a hex colour `#RRGGBB`.
 * Returns every violation, "" paths first.
 */
export function validateCanvas(doc: unknown): string[] {
  const errors: string[] = [];
  const fail = (where: string, what: string): void => void errors.push(`${where}: ${what}`);
  if (!isObject(doc)) return ["document: not an object"];
  allowOnly(doc, ["nodes", "edges"], "document", fail);
  const nodes = doc.nodes ?? [];
  const edges = doc.edges ?? [];
  if (!Array.isArray(nodes)) fail("nodes", "not an array");
  if (!Array.isArray(edges)) fail("edges", "not an array");
  const ids = new Set<string>();
  for (const [i, node] of (Array.isArray(nodes) ? nodes : []).entries()) {
    const at = `nodes[${i}]`;
    if (!isObject(node)) {
      fail(at, "not an object");
      continue;
    }
    if (typeof node.id !== "string" || node.id === "") fail(at, "id must be a non-empty string");
    else if (ids.has(node.id)) fail(at, `duplicate id ${node.id}`);
    else ids.add(node.id);
    for (const k of ["x", "y", "width", "height"]) if (!Number.isInteger(node[k])) fail(at, `${k} must be an integer`);
    if (node.color !== undefined) checkColor(node.color, `${at}.color`, fail);
    const common = ["id", "type", "x", "y", "width", "height", "color"];
    switch (node.type) {
      case "text":
        if (typeof node.text !== "string") fail(at, "text node without text");
        allowOnly(node, [...common, "text"], at, fail);
        break;
      case "file":
        if (typeof node.file !== "string" || node.file === "") fail(at, "file node without file");
        if (node.subpath !== undefined && (typeof node.subpath !== "string" || !node.subpath.startsWith("#"))) fail(at, "subpath must start with #");
        allowOnly(node, [...common, "file", "subpath"], at, fail);
        break;
      case "link":
        if (typeof node.url !== "string") fail(at, "link node without url");
        allowOnly(node, [...common, "url"], at, fail);
        break;
      case "group":
        if (node.label !== undefined && typeof node.label !== "string") fail(at, "label must be a string");
        if (node.background !== undefined && typeof node.background !== "string") fail(at, "background must be a string");
        if (node.backgroundStyle !== undefined && !["cover", "ratio", "repeat"].includes(node.backgroundStyle as string)) fail(at, "bad backgroundStyle");
        allowOnly(node, [...common, "label", "background", "backgroundStyle"], at, fail);
        break;
      default:
        fail(at, `unknown type ${String(node.type)}`);
    }
  }
  const sides = ["top", "right", "bottom", "left"];
  const edgeIds = new Set<string>();
  for (const [i, edge] of (Array.isArray(edges) ? edges : []).entries()) {
    const at = `edges[${i}]`;
    if (!isObject(edge)) {
      fail(at, "not an object");
      continue;
    }
    if (typeof edge.id !== "string" || edge.id === "") fail(at, "id must be a non-empty string");
    else if (edgeIds.has(edge.id) || ids.has(edge.id)) fail(at, `duplicate id ${edge.id}`);
    else edgeIds.add(edge.id);
    for (const k of ["fromNode", "toNode"]) if (typeof edge[k] !== "string" || !ids.has(edge[k])) fail(at, `${k} names no node`);
    for (const k of ["fromSide", "toSide"]) if (edge[k] !== undefined && !sides.includes(edge[k] as string)) fail(at, `${k} must be one of ${sides.join(", ")}`);
    for (const k of ["fromEnd", "toEnd"]) if (edge[k] !== undefined && !["none", "arrow"].includes(edge[k] as string)) fail(at, `${k} must be none or arrow`);
    if (edge.color !== undefined) checkColor(edge.color, `${at}.color`, fail);
    if (edge.label !== undefined && typeof edge.label !== "string") fail(at, "label must be a string");
    allowOnly(edge, ["id", "fromNode", "fromSide", "fromEnd", "toNode", "toSide", "toEnd", "color", "label"], at, fail);
  }
  return errors;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkColor(color: unknown, at: string, fail: (where: string, what: string) => void): void {
  if (typeof color !== "string" || !/^(?:[1-6]|#[0-9a-fA-F]{6})$/.test(color)) fail(at, `not a preset "1"–"6" or #RRGGBB: ${String(color)}`);
}

/** The spec allows more fields, but a field we did not mean to write is a bug in our output. */
function allowOnly(obj: Record<string, unknown>, keys: string[], at: string, fail: (where: string, what: string) => void): void {
  for (const k of Object.keys(obj)) if (!keys.includes(k)) fail(at, `unexpected field ${k}`);
}
