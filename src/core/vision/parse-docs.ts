import { readBlock } from "../markdown/fields";
import { type MarkdownDoc, sections } from "../markdown/parse";
import { documentName, numberedSections, readHeader, readNumberedHeading } from "./headings";
import type { GoalDocument, Intent, Objective, Strategy, StrategyDocument, VisionDocument } from "./model";
import { sectionItems } from "./parse-plan";
import { hasPlaceholder } from "./placeholders";
import { strategyNamed } from "./strategy-choice";
import { FieldReader, idItemsDeep } from "./sources";

export function parseVision(doc: MarkdownDoc): VisionDocument {
  const file = doc.file;
  const all = readBlock(doc, doc.root.children);
  const intents: Intent[] = numberedSections(doc, "Intent").map(({ head, section }) => {
    const block = readBlock(doc, section.content);
    const r = new FieldReader(block, file);
    const description = block.text.map((t) => t.text).filter((t) => !hasPlaceholder(t)).join(" ");
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
    triggers: idItemsDeep(all, file, "AT"),
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
      evidence: r.list("evidence collection approach", "evidence collection"),
      adaptation: r.list("adaptation mechanism", "adaptation mechanisms"),
    };
  });
  const recommended = recommendedStrategy(doc, strategies);
  return {
    file,
    name: documentName(doc)?.name ?? "",
    header: readHeader(doc),
    strategies,
    recommended,
    // The document's own framework (ECP-, AT-) is written for the chosen strategy.
    evidencePoints: idItemsDeep(all, file, "ECP"),
    triggers: idItemsDeep(all, file, "AT"),
  };
}

/**
 * The strategy a `## Recommended Strategy…` section names (its heading, then its `**Selected
 * Approach**` field, then its text), by number or by title.
 */
function recommendedStrategy(doc: MarkdownDoc, strategies: Strategy[]): Strategy | undefined {
  const section = sections(doc).find((s) => /recommend|chosen|selected/i.test(s.text));
  if (!section) return strategies.length === 1 ? strategies[0] : undefined;
  const inHeading = readNumberedHeading("Strategy", section.text.replace(/^[^:：]*[:：]\s*/, ""), doc.file, section.line);
  if (inHeading) return strategyNamed(strategies, `Strategy ${inHeading.number}`);
  const block = readBlock(doc, section.body);
  const selected = new FieldReader(block, doc.file).one("selected approach", "selected strategy", "recommended strategy", "chosen strategy");
  const rest = `${block.text.map((t) => t.text).join(" ")} ${block.fields.map((f) => `${f.key} ${f.value}`).join(" ")}`;
  return (selected && strategyNamed(strategies, selected.text)) ?? strategyNamed(strategies, rest);
}
