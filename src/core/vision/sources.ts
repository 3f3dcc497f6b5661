import { type Block, type Field, type Item, field, fieldItems } from "../markdown/fields";
import { type SourceItem, toSource } from "./model";
import { hasPlaceholder } from "./placeholders";

/**
 * Turns fields of a block into source items for one file. Items that still hold a template
 * placeholder are left out here: placeholders are reported by the diagnostics, never copied.
 */
export class FieldReader {
  constructor(
    private readonly block: Block,
    private readonly file: string,
  ) {}

  field(...names: string[]): Field | undefined {
    return field(this.block, ...names);
  }

  /** Sub-bullets of the field (or its inline value as one item). */
  list(...names: string[]): SourceItem[] {
    return clean(fieldItems(this.field(...names)), this.file);
  }

  /** The field's inline value, or its items joined, as one item. */
  one(...names: string[]): SourceItem | undefined {
    const f = this.field(...names);
    if (!f) return undefined;
    const text = f.value || f.items.map((i) => i.text).join("; ");
    if (!text || hasPlaceholder(text)) return undefined;
    return { text, file: this.file, line: f.line, children: clean(f.items, this.file) };
  }
}

export function clean(items: Item[], file: string): SourceItem[] {
  return items.filter((i) => i.text !== "" && !hasPlaceholder(i.text)).map((i) => toSource(i, file));
}

/** Every ID'd bullet in a block, however deeply nested, in document order. */
export function idItemsDeep(block: Block, file: string, ...prefixes: string[]): SourceItem[] {
  const out: Item[] = [];
  const visit = (items: Item[]): void => {
    for (const i of items) {
      if (i.id && prefixes.some((p) => i.id!.startsWith(`${p}-`))) out.push(i);
      visit(i.children);
    }
  };
  visit(block.items);
  for (const f of block.fields) visit(f.items);
  return clean(
    out.sort((a, b) => a.line - b.line),
    file,
  );
}
