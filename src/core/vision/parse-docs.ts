import { readBlock } from "../markdown/fields";
import { type MarkdownDoc, sections } from "../markdown/parse";
import { documentName, numberedSections, readHeader, readNumberedHeading } from "./headings";
import type { GoalDocument, Intent, Objective, Strategy, StrategyDocument, VisionDocument } from "./model";
import { sectionItems } from "./parse-plan";
import { FieldReader, idItemsDeep } from "./sources";

export function parseVision(doc: MarkdownDoc): VisionDocument {
  const file = doc.file;
  const all = readBlock(doc, doc.root.children);
  const intents: Intent[] = numberedSections(doc, "Intent").map(({ head, section }) => {
    const block = readBlock(doc, section.content);
    const r = new FieldReader(block, file);
    const description = block.text.map((t) => t.text).join(" ");
    return {
      ...head,
      description,
      why: r.one("why this priority"),
      independentValidation: r.one("independent validation", "independent test"),
      scenarios: r.list("outcome scenarios", "acceptance scenarios"),
    };
  });
  return {
    file,
    name: documentName(doc)?.name ?? "",
    header: readHeader(doc),
    intents,
    requirements: idItemsDeep(all, file, "FR"),
    outcomes: idItemsDeep(all, file, "SC"),
    validations: idItemsDeep(all, file, "VA"),
    thresholds: sectionItems(doc, /success thresholds?/i),
  };
}

export function parseGoal(doc: MarkdownDoc): GoalDocument {
  const file = doc.file;
  const all = readBlock(doc, doc.root.children);
  const objectives: Objective[] = numberedSections(doc, "Objective").map(({ head, section }) => {
    const r = new FieldReader(readBlock(doc, section.content), file);
    return {
      ...head,
      description: r.one("description"),
      successCriteria: r.list("success criteria"),
      metric: r.one("metric"),
      target: r.one("target"),
      baseline: r.one("baseline"),
      timeline: r.one("timeline"),
    };
  });
  return {
    file,
    name: documentName(doc)?.name ?? "",
    header: readHeader(doc),
    objectives,
    validationMethods: idItemsDeep(all, file, "VM"),
    dependencies: idItemsDeep(all, file, "ED", "ID"),
    resources: idItemsDeep(all, file, "HR", "TR", "FR"),
    schedule: sectionItems(doc, /validation schedule/i),
  };
}

export function parseStrategy(doc: MarkdownDoc): StrategyDocument {
  const file = doc.file;
  const all = readBlock(doc, doc.root.children);
  const strategies: Strategy[] = numberedSections(doc, "Strategy").map(({ head, section }) => {
    const r = new FieldReader(readBlock(doc, section.content), file);
    return {
      ...head,
      approach: r.one("approach"),
      validationMethods: r.list("validation methods", "validation method"),
      tools: r.list("technology/tools", "technology", "tools", "technology / tools"),
      steps: r.list("implementation steps"),
      riskLevel: r.one("risk level"),
    };
  });
  const r = new FieldReader(all, file);
  return {
    file,
    name: documentName(doc)?.name ?? "",
    header: readHeader(doc),
    strategies,
    recommended: recommendedStrategy(doc, strategies),
    evidence: r.list("evidence collection approach", "evidence collection"),
    adaptation: r.list("adaptation mechanism", "adaptation mechanisms"),
  };
}

/** The strategy a `## Recommended Strategy…` section names, by number or by title. */
function recommendedStrategy(doc: MarkdownDoc, strategies: Strategy[]): Strategy | undefined {
  const section = sections(doc).find((s) => /recommend|chosen|selected/i.test(s.text));
  if (!section) return strategies.length === 1 ? strategies[0] : undefined;
  const inHeading = readNumberedHeading("Strategy", section.text.replace(/^[^:：]*[:：]\s*/, ""), doc.file, section.line);
  const text = `${section.text} ${readBlock(doc, section.body).text.map((t) => t.text).join(" ")} ${readBlock(doc, section.body).fields.map((f) => `${f.key} ${f.value}`).join(" ")}`;
  const byNumber = inHeading?.number ?? /Strategy\s+(\d+)/i.exec(text)?.[1];
  return (
    strategies.find((s) => s.number === byNumber) ??
    strategies.find((s) => s.title !== "" && text.toLowerCase().includes(s.title.toLowerCase()))
  );
}
