import type { Diagnostic } from "../diagnostics";
import { readBlock } from "../markdown/fields";
import { type MarkdownDoc, sections, sourceOf, startLine } from "../markdown/parse";
import { treeFiles } from "./tree";
import { oneLine } from "../text/normalize";
import { hasPlaceholder } from "./placeholders";
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

  const structure = implementationStructure(doc);
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
    adaptiveResponses: adaptiveResponses(doc),
    selectedStrategy: new FieldReader(all, file).one("selected strategy", "recommended strategy", "strategy"),
  };
}

/**
 * The tree of the Implementation Structure: the first tree block under a heading that names it (or
 * source code / layout), else the first tree block that is not under a "Documentation" heading
 * and does not list only notes (plan.md, research.md…).
 */
function implementationStructure(doc: MarkdownDoc): { value: string; line: number } | undefined {
  const all = sections(doc);
  const trees = readBlock(doc, doc.root.children).code.filter((c) => TREE_HINT.test(c.value));
  const headingOf = (line: number): string => all.filter((s) => s.line < line).pop()?.text ?? "";
  const named = trees.find((c) => /implementation structure|source code|code layout|repository layout/i.test(headingOf(c.line)));
  const onlyNotes = (tree: string): boolean => {
    const files = treeFiles(tree).filter((e) => !e.endsWith("/"));
    return files.length > 0 && files.every((e) => /\.md$/i.test(e));
  };
  return named ?? trees.find((c) => !/^documentation\b/i.test(headingOf(c.line)) && !onlyNotes(c.value));
}

const IF_TRIGGER = /^If\s+\*\*(.+?)\*\*\s*:?\s*(.*)$/i;

/**
 * The Adaptive Response Plan as trigger → response pairs: `If **condition**:` followed by its
 * actions becomes one item `If **condition**: action; action`; bullets under no trigger stay as they are.
 */
function adaptiveResponses(doc: MarkdownDoc): SourceItem[] {
  const section = sections(doc).find((s) => /adaptive response|adaptation plan/i.test(s.text));
  if (!section) return [];
  const out: SourceItem[] = [];
  let trigger: { condition: string; actions: string[]; line: number } | undefined;
  const close = (): void => {
    if (trigger && trigger.actions.length) out.push({ text: `If **${trigger.condition}**: ${trigger.actions.join("; ")}`, file: doc.file, line: trigger.line, children: [] });
    trigger = undefined;
  };
  for (const node of section.content) {
    if (node.type === "heading" || node.type === "thematicBreak") close();
    else if (node.type === "paragraph") {
      const m = IF_TRIGGER.exec(oneLine(sourceOf(doc, node)));
      close();
      if (m && !hasPlaceholder(m[1])) trigger = { condition: m[1].trim(), actions: m[2] && !hasPlaceholder(m[2]) ? [m[2].trim()] : [], line: startLine(node) };
    } else if (node.type === "list") {
      const items = clean(readBlock(doc, [node]).items, doc.file).map((i) => i.text.replace(/[.;]+$/, ""));
      if (trigger) trigger.actions.push(...items);
      else out.push(...clean(readBlock(doc, [node]).items, doc.file));
    }
  }
  close();
  return out;
}

/** All bullets of the first section whose heading matches, flattened one level. */
export function sectionItems(doc: MarkdownDoc, heading: RegExp): SourceItem[] {
  const section = sections(doc).find((s) => heading.test(s.text));
  if (!section) return [];
  const block = readBlock(doc, section.content);
  // A field with neither value nor items (a `### Milestone Tracking` sub-heading) is no entry.
  const items = [...block.items, ...block.fields.flatMap((f) => (f.items.length ? f.items : f.value ? [{ text: `${f.key}: ${f.value}`, line: f.line, children: [] }] : []))];
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
