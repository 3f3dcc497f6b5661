import type { Item } from "../markdown/fields";

export type DocRole = "vision" | "goal" | "strategy" | "plan" | "execute" | "spec";

/** A source item with where it came from, so every generated line can point back to it. */
export interface SourceItem {
  text: string;
  file: string;
  line: number;
  id?: string;
  children: SourceItem[];
}

/** A numbered heading item: `### Intent 2 - Title (Priority: P1)`, `## Milestone 3: Title [P2]`. */
export interface NumberedHeading {
  number: string;
  title: string;
  /** 1 for P1…; undefined when the heading states none. */
  priority?: number;
  mvp: boolean;
  /** The heading text exactly as written (the target of heading links). */
  heading: string;
  file: string;
  line: number;
}

export interface HeaderFields {
  /** Lower-case key → value, e.g. `vision id` → `001-x`. */
  values: Record<string, string>;
  lines: Record<string, number>;
}

export interface Intent extends NumberedHeading {
  description: string;
  why?: SourceItem;
  independentValidation?: SourceItem;
  scenarios: SourceItem[];
}

export interface VisionDocument {
  file: string;
  name: string;
  header: HeaderFields;
  intents: Intent[];
  requirements: SourceItem[];
  outcomes: SourceItem[];
  validations: SourceItem[];
  thresholds: SourceItem[];
}

export interface Objective extends NumberedHeading {
  description?: SourceItem;
  successCriteria: SourceItem[];
  metric?: SourceItem;
  target?: SourceItem;
  baseline?: SourceItem;
  timeline?: SourceItem;
}

export interface GoalDocument {
  file: string;
  name: string;
  header: HeaderFields;
  objectives: Objective[];
  validationMethods: SourceItem[];
  dependencies: SourceItem[];
  resources: SourceItem[];
  schedule: SourceItem[];
  /** Adaptation Triggers (AT-). */
  triggers: SourceItem[];
}

export interface Strategy extends NumberedHeading {
  approach?: SourceItem;
  validationMethods: SourceItem[];
  tools: SourceItem[];
  steps: SourceItem[];
  riskLevel?: SourceItem;
  /** Its Evidence Collection Approach and Adaptation Mechanism. */
  evidence: SourceItem[];
  adaptation: SourceItem[];
}

export interface StrategyDocument {
  file: string;
  name: string;
  header: HeaderFields;
  strategies: Strategy[];
  /** The strategy the document recommends (or the plan's Selected Strategy names), when it exists. */
  recommended?: Strategy;
  /** ECP- items and AT- items of the document's validation and adaptation framework. */
  evidencePoints: SourceItem[];
  triggers: SourceItem[];
}

export interface Milestone extends NumberedHeading {
  objective?: SourceItem;
  successCriteria: SourceItem[];
  deliverables: SourceItem[];
  timeline?: SourceItem;
  resources: SourceItem[];
  /** The Dependencies field as written. */
  dependencyText?: SourceItem;
  /** Numbers of the milestones it depends on that exist in the plan. */
  dependsOn: string[];
  /** What the Dependencies field names besides milestones, each as written ("a signed contract (ED-002)"). */
  external?: string[];
  validationApproach: SourceItem[];
  why?: SourceItem;
  independentValidation?: SourceItem;
  acceptance: SourceItem[];
  /** A task list the plan states explicitly for this milestone (used as written). */
  tasks: SourceItem[];
}

export interface Risk {
  id: string;
  text: string;
  file: string;
  line: number;
  impact?: string;
  probability?: string;
  mitigation?: string;
  owner?: string;
}

export interface PlanDocument {
  file: string;
  name: string;
  header: HeaderFields;
  /** Where the work starts: the header, Milestone Overview or Overall Timeline (see start-date.ts). */
  startDate?: SourceItem;
  milestones: Milestone[];
  /** The Implementation Structure tree (never the Documentation tree), when the plan has one. */
  structure?: { text: string; line: number };
  risks: Risk[];
  qualityStandards: SourceItem[];
  sharedResources: SourceItem[];
  progressTracking: SourceItem[];
  adaptiveResponses: SourceItem[];
  /** `**Selected Strategy**` of the Milestone Overview. */
  selectedStrategy?: SourceItem;
}

/** Where a vision's documents are, before they are read. */
export interface VisionRef {
  /** Folder name, `001-team-reading-list`. */
  id: string;
  folder: string;
  kind: "vision" | "spec";
  docs: Partial<Record<DocRole, string>>;
}

export interface Vision {
  ref: VisionRef;
  /** Display name: from the first heading of the vision, plan or goal, else the folder slug. */
  name: string;
  vision?: VisionDocument;
  goal?: GoalDocument;
  strategy?: StrategyDocument;
  plan?: PlanDocument;
  /** Milestone numbers in execution order (dependencies first, then priority). */
  order: string[];
  /** Content hash of each source document, by role. */
  hashes: Partial<Record<DocRole, string>>;
}

export function toSource(item: Item, file: string): SourceItem {
  return { text: item.text, line: item.line, id: item.id, file, children: item.children.map((c) => toSource(c, file)) };
}
