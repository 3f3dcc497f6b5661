import type { Box } from "./layout";

/**
 * Keyboard navigation over a laid-out graph: arrow keys move to the nearest node in that direction,
 * following the geometry (not the document order).
 */

export type Direction = "left" | "right" | "up" | "down";

export interface NavNode extends Box {
  key: string;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

/** The direction of an arrow key (`KeyboardEvent.key`), if it is one. */
export function arrowDirection(key: string): Direction | undefined {
  return ARROWS[key];
}

/**
 * The node to move to from `fromKey` in `dir`: among the nodes whose centre lies in that direction,
 * the one with the smallest distance along the direction plus twice the sideways offset (so a node
 * straight ahead beats a closer one far to the side). Undefined when there is none.
 */
export function nextNodeInDirection(nodes: readonly NavNode[], fromKey: string, dir: Direction): string | undefined {
  const from = nodes.find((n) => n.key === fromKey);
  if (!from) return nodes[0]?.key;
  const fx = from.x + from.width / 2;
  const fy = from.y + from.height / 2;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of nodes) {
    if (n.key === fromKey) continue;
    const dx = n.x + n.width / 2 - fx;
    const dy = n.y + n.height / 2 - fy;
    let along: number;
    let side: number;
    switch (dir) {
      case "right":
        along = dx;
        side = dy;
        break;
      case "left":
        along = -dx;
        side = dy;
        break;
      case "down":
        along = dy;
        side = dx;
        break;
      default:
        along = -dy;
        side = dx;
    }
    if (along <= 1) continue;
    // Boxes that overlap the current one across the direction are "in line": no sideways penalty.
    const inLine = dir === "left" || dir === "right" ? n.y < from.y + from.height && from.y < n.y + n.height : n.x < from.x + from.width && from.x < n.x + n.width;
    const score = along + (inLine ? 0 : 2 * Math.abs(side));
    if (score < bestScore) {
      bestScore = score;
      best = n.key;
    }
  }
  return best;
}
