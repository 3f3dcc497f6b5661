import { readBlock } from "../markdown/fields";
import { type MarkdownDoc, sections } from "../markdown/parse";
import type { HeaderFields, SourceItem } from "./model";
import { FieldReader } from "./sources";
import { parseDate } from "./timeline";

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** A date written alone ("2026-03-02", "March 2, 2026") or the first ISO date in a sentence. */
export function firstDate(text: string): Date | undefined {
  const whole = parseDate(text);
  if (whole) return whole;
  const iso = ISO_DATE.exec(text);
  return iso ? parseDate(iso[0]) : undefined;
}

/**
 * Where the plan says its work starts: a `**Start Date**` in the header lines, else one under
 * `## Milestone Overview`, else the first date of the Overall Timeline ("13 weeks (2026-03-02 to
 * 2026-05-29)"). The item keeps the text and line it was read from.
 */
export function readStartDate(doc: MarkdownDoc, header: HeaderFields): SourceItem | undefined {
  for (const key of ["start date", "start"]) {
    const text = header.values[key];
    if (text && firstDate(text)) return { text, file: doc.file, line: header.lines[key], children: [] };
  }
  const overview = sections(doc).find((s) => /^milestone overview\b/i.test(s.text.trim()));
  if (!overview) return undefined;
  const r = new FieldReader(readBlock(doc, overview.body), doc.file);
  return [r.one("start date", "start"), r.one("overall timeline", "timeline")].find((item) => item !== undefined && firstDate(item.text) !== undefined);
}
