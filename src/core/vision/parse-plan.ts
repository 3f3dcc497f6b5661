import type { Diagnostic } from "../diagnostics";
import { readBlock } from "../markdown/fields";
import { type MarkdownDoc, sections } from "../markdown/parse";
import { documentName, numberedSections, readHeader } from "./headings";
import type { Milestone, PlanDocument, Risk, SourceItem } from "./model";
import { checkMilestoneHeadings } from "./checks";
import { FieldReader, clean, idItemsDeep } from "./sources";
import { readStartDate } from "./start-date";

const TREE_HINT = /[├└│]|^\s*[\w.-]+\/\s*$/m;

export function parsePlan(doc: MarkdownDoc, diagnostics: Diagnostic[]): PlanDocument {
  const file = doc.file;
  const all = readBlock(doc, doc.root.children);
  const milestones: Milestone[] = [];
  const numbered = numberedSections(doc, "Milestone");
  checkMilestoneHeadings(numbered.map((n) => n.head), diagnostics);

  for (const { head, section } of numbered) {
    const r = new FieldReader(readBlock(doc, section.content), file);
    milestones.push({
      ...head,
      objective: r.one("objective", "goal"),
      successCriteria: r.list("success criteria"),
      deliverables: r.list("deliverables"),
      timeline: r.one("timeline"),
      resources: r.list("resources needed", "resources"),
      dependencyText: r.one("dependencies", "depends on"),
      dependsOn: [],
      validationApproach: r.list("validation approach", "validation"),
      why: r.one("why this priority"),
      independentValidation: r.one("independent validation", "independent test"),
      acceptance: r.list("acceptance scenarios", "acceptance criteria"),
      tasks: r.list("tasks"),
    });
  }

  const structure = all.code.find((c) => TREE_HINT.test(c.value));
  const header = readHeader(doc);
  return {
    file,
    name: documentName(doc)?.name ?? "",
    header,
    startDate: readStartDate(doc, header),
    milestones,
    structure: structure ? { text: structure.value, line: structure.line } : undefined,
    risks: readRisks(doc),
    qualityStandards: idItemsDeep(all, file, "QS"),
    sharedResources: idItemsDeep(all, file, "SR"),
    progressTracking: sectionItems(doc, /progress tracking/i),
    adaptiveResponses: sectionItems(doc, /adaptive response|adaptation plan/i),
  };
}

/** All bullets of the first section whose heading matches, flattened one level. */
export function sectionItems(doc: MarkdownDoc, heading: RegExp): SourceItem[] {
  const section = sections(doc).find((s) => heading.test(s.text));
  if (!section) return [];
  const block = readBlock(doc, section.content);
  const items = [...block.items, ...block.fields.flatMap((f) => (f.items.length ? f.items : [{ text: `${f.key}: ${f.value}`, line: f.line, children: [] }]))];
  return clean(items.sort((a, b) => a.line - b.line), doc.file);
}

function readRisks(doc: MarkdownDoc): Risk[] {
  const section = sections(doc).find((s) => /\brisk/i.test(s.text) && s.depth <= 2);
  if (!section) return [];
  const block = readBlock(doc, section.content);
  const candidates = [...block.items, ...block.fields.flatMap((f) => f.items)].filter((i) => i.id && /^Risk\s/i.test(i.id));
  return candidates
    .sort((a, b) => a.line - b.line)
    .map((item) => {
      const sub = (name: string): string | undefined => {
        const child = item.children.find((c) => new RegExp(`^(?:\\*\\*)?${name}(?:\\*\\*)?\\s*:`, "i").test(c.text));
        return child?.text.replace(/^(?:\*\*)?[^:*]+(?:\*\*)?\s*:\s*(?:\*\*)?\s*/, "").trim();
      };
      return {
        id: item.id!,
        text: item.text,
        file: doc.file,
        line: item.line,
        impact: sub("Impact"),
        probability: sub("Probability|Likelihood"),
        mitigation: sub("Mitigation"),
        owner: sub("Owner"),
      };
    });
}
