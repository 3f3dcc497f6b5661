import type { Box } from "../../core/graph/layout";

/** Zoom and pan of the graph: screen = k · graph + (x, y). Pure functions. */
export interface Viewport {
  k: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.08;
export const MAX_ZOOM = 3;
/** Fitting never zooms out further than this: below it, text is unreadable; show the start instead. */
export const MIN_FIT_ZOOM = 0.45;
/** Below this, a whole-graph fit gives way to a fit of the height. */
export const READABLE_ZOOM = 0.7;

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** Zoom by `factor` keeping the screen point (px, py) fixed. */
export function zoomAt(v: Viewport, factor: number, px: number, py: number): Viewport {
  const k = clampZoom(v.k * factor);
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

/**
 * Show a `width`×`height` graph in a `viewWidth`×`viewHeight` area, centred and scaled to fit
 * (never above 1, never below `MIN_FIT_ZOOM`). With `prefer: "height"` (task lanes: bounded in
 * height, wide), a graph that would fit only below `READABLE_ZOOM` is fitted to the height instead
 * and shown from its left edge: the rest is a pan away.
 */
export function fitViewport(width: number, height: number, viewWidth: number, viewHeight: number, prefer: "all" | "height" = "all"): Viewport {
  if (viewWidth <= 0 || viewHeight <= 0 || width <= 0 || height <= 0) return { k: 1, x: 0, y: 0 };
  const fitAll = Math.min(1, viewWidth / width, viewHeight / height);
  const k = prefer === "height" && fitAll < READABLE_ZOOM ? Math.min(1, viewHeight / height) : fitAll;
  const kk = Math.max(MIN_FIT_ZOOM, k);
  return { k: kk, x: Math.max(0, (viewWidth - width * kk) / 2), y: Math.max(0, (viewHeight - height * kk) / 2) };
}

/** Pan as little as needed so that `box` (graph coordinates) is on screen with `margin` around it. */
export function panToShow(v: Viewport, box: Box, viewWidth: number, viewHeight: number, margin = 24): Viewport {
  if (viewWidth <= 0 || viewHeight <= 0) return v;
  let { x, y } = v;
  const left = box.x * v.k + x;
  const top = box.y * v.k + y;
  const right = left + box.width * v.k;
  const bottom = top + box.height * v.k;
  if (right > viewWidth - margin) x -= right - (viewWidth - margin);
  if (left + (x - v.x) < margin) x += margin - (left + (x - v.x));
  if (bottom > viewHeight - margin) y -= bottom - (viewHeight - margin);
  if (top + (y - v.y) < margin) y += margin - (top + (y - v.y));
  return { k: v.k, x, y };
}

export function viewportTransform(v: Viewport): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return `translate(${r(v.x)} ${r(v.y)}) scale(${Math.round(v.k * 10000) / 10000})`;
}
