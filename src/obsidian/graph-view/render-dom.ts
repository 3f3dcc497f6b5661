import type { SvgElementSpec } from "../../core/graph/svg";

/**
 * Builds live SVG DOM from the element tree of src/core/graph/svg.ts with Obsidian's `createSvg`,
 * text through textContent only. The tree is built detached and attached once.
 */
export function buildSvgElement(spec: SvgElementSpec, parent?: Element): SVGElement {
  const info = { cls: spec.cls, attr: spec.attrs };
  const el = parent ? parent.createSvg(spec.tag as keyof SVGElementTagNameMap, info) : createSvg(spec.tag as keyof SVGElementTagNameMap, info);
  if (spec.text !== undefined) el.setText(spec.text);
  for (const child of spec.children ?? []) buildSvgElement(child, el);
  return el;
}

/** Build the tree and append it to `container`. */
export function renderSvgScene(container: Element, spec: SvgElementSpec): SVGSVGElement {
  const svg = buildSvgElement(spec) as SVGSVGElement;
  container.appendChild(svg);
  return svg;
}
