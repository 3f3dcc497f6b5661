import type { Strategy } from "./model";
import { hasPlaceholder } from "./placeholders";

/** The strategy a text names: "Strategy 2 - …" by number, else by its title. */
export function strategyNamed(strategies: Strategy[], text: string): Strategy | undefined {
  if (hasPlaceholder(text)) return undefined;
  const byNumber = /Strategy\s*#?\s*(\d+)/i.exec(text)?.[1];
  const lower = text.toLowerCase();
  return (
    strategies.find((s) => s.number === byNumber) ??
    strategies.find((s) => s.title !== "" && lower.includes(s.title.toLowerCase()))
  );
}
