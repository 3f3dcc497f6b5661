import type { TaskForm } from "./model";
import type { OutlineBlock, OutlineItem } from "./outline";
import { inlineRelations, statusField, statusState } from "./dependencies";
import type { Ref } from "./refs";
import type { Candidate, Structure } from "./walk";

/**
 * Tasks from the candidates of the form a document uses, with their text cleaned and the
 * dependencies their own lines state (not yet resolved to IDs and phases).
 */
export interface DraftTask {
  candidate: Candidate;
  id: string;
  state: "open" | "done" | null;
  parallel: boolean;
  labels: string[];
  text: string;
  blockId?: string;
  /** Tasks-plugin `🆔` of the task. */
  alias?: string;
  /** What it waits for, as refs, with the line that says so. */
  after: { ref: Ref; line: number }[];
  /** What waits for it (`blocks T008`). */
  before: { ref: Ref; line: number }[];
  /** Tasks-plugin `⛔` ids, as written. */
  blockedByAliases: string[];
}

/** The form with the most tasks: checkbox tasks win whenever there is one. */
export function chooseForm(s: Structure): TaskForm {
  if (s.checkbox.length) return "checkbox";
  const counts: [TaskForm, number][] = [
    ["bullet", s.bullet.length],
    ["heading", s.heading.length],
    ["table", s.table.length],
  ];
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : "none";
}

const TASK_ID_FIELD = /🆔\uFE0F?\s*([A-Za-z0-9_-]+)/u;
const TASK_BLOCKED_FIELD = /⛔\uFE0F?\s*([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)/gu;
const PLUGIN_FIELDS = [
  /🆔\uFE0F?\s*[A-Za-z0-9_-]+/gu,
  /⛔\uFE0F?\s*[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*/gu,
  /(?:📅|⏳|🛫|➕|✅|❌)\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu,
  /🔁\uFE0F?[^📅⏳🛫➕✅❌🆔⛔⏫🔼🔽⏬🔺🏁^]*/gu,
  /🏁\uFE0F?\s*[A-Za-z]+/gu,
  /(?:⏫|🔼|🔽|⏬|🔺)\uFE0F?/gu,
];
/** A dependency note in brackets (the spaces before it are dropped in `withoutDependencyNotes`, not by a leading `\s*`, which is quadratic). */
const DEPENDENCY_NOTE = /[(（]\s*(?:depends?\s+on|depending\s+on|blocked\s+by|blocks|after|depende[mn]?\s+d[aeo]s?|após|despu[ée]s\s+de|依赖于?|依賴於?|取决于|前置任务)(?![A-Za-z])[^()（）]*[)）]/giu;
const BLOCK_ID = /\s\^([A-Za-z0-9-]+)\s*$/;

/** Emoji of the Tasks plugin's fields (BMP symbols and the surrogate leads of 🆔📅🛫🔁🏁🔼🔽🔺). */
const MAY_HOLD_PLUGIN_FIELD = /[\u23EB-\u23F3\u26D4\u2705\u274C\u2795\uD83C-\uD83D]/;

/** The text without its dependency notes and the spaces right before each. */
function withoutDependencyNotes(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(DEPENDENCY_NOTE)) {
    out += text.slice(last, m.index).trimEnd();
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/** The description without dependency notes, Tasks-plugin fields and block id. */
export function cleanText(text: string): { text: string; blockId?: string } {
  let t = text;
  let blockId: string | undefined;
  if (t.includes("^")) {
    const b = BLOCK_ID.exec(t);
    if (b) {
      blockId = b[1];
      t = t.slice(0, b.index);
    }
  }
  if (MAY_HOLD_PLUGIN_FIELD.test(t)) for (const re of PLUGIN_FIELDS) t = t.replace(re, " ");
  if (t.includes("(") || t.includes("（")) t = withoutDependencyNotes(t);
  if (/\s\s|[\t\n\r\f\v]/.test(t)) t = t.replace(/\s+/g, " ");
  return { text: t.trim(), blockId };
}

function relationsOf(draft: DraftTask, text: string, line: number): void {
  if (text.includes("⛔")) for (const m of text.matchAll(TASK_BLOCKED_FIELD)) draft.blockedByAliases.push(...m[1].split(",").map((a) => a.trim()));
  const r = inlineRelations(text);
  for (const ref of r.after) draft.after.push({ ref, line });
  for (const ref of r.before) draft.before.push({ ref, line });
}

/** Sub-bullets and later paragraphs of a task item: dependency and status lines, skipping nested tasks. */
function itemExtras(item: OutlineItem, isTask: (i: OutlineItem) => boolean, out: { line: number; text: string }[]): void {
  for (const m of item.more) out.push(m);
  for (const child of item.children) {
    if (isTask(child)) continue;
    child.lines.forEach((text, i) => out.push({ line: child.line + i, text }));
    itemExtras(child, isTask, out);
  }
}

function bodyLines(blocks: OutlineBlock[], out: { line: number; text: string }[]): void {
  const item = (i: OutlineItem): void => {
    i.lines.forEach((text, k) => out.push({ line: i.line + k, text }));
    for (const m of i.more) out.push(m);
    i.children.forEach(item);
  };
  for (const b of blocks) {
    if (b.kind === "para") b.lines.forEach((text, k) => out.push({ line: b.line + k, text }));
    else if (b.kind === "item") item(b);
  }
}

const COLUMN = {
  status: /^(?:status|state|estado|situa[çc][ãa]o|状态|狀態|상태|ステータス|状態|done\??)$/i,
  depends: /depend|blocked by|prereq|requires|after|依赖|依賴|의존|依存|선행|前置/i,
  text: /^(?:task|tasks|description|title|name|summary|what|tarefa|tarea|descri[çc][ãa]o|descripci[óo]n|t[íi]tulo|任务|任務|描述|タスク|説明|작업|설명|내용)$/i,
  parallel: /^(?:\[?P\]?|parallel|parallelizable|paralelo|并行|並列|병렬)$/i,
  label: /^(?:story|user story|milestone|label|labels|hist[óo]ria|historia|故事|用户故事|ストーリー|스토리|마일스톤|里程碑)$/i,
};

function column(header: string[], re: RegExp): number {
  return header.findIndex((h) => re.test(h.replace(/[*_`]/g, "").trim()));
}

/** Tasks of the chosen form. */
export function draftTasks(s: Structure, form: TaskForm): DraftTask[] {
  if (form === "none") return [];
  const candidates = s[form];
  const taskItems = new Set(candidates.flatMap((c) => (c.item ? [c.item] : [])));
  const isTask = (i: OutlineItem): boolean => taskItems.has(i);
  return candidates.map((c) => {
    const { head } = c;
    let state: "open" | "done" | null = c.checked === null ? null : c.checked ? "done" : "open";
    let parallel = head.parallel;
    const labels = head.labels;
    const extras: { line: number; text: string }[] = [];
    let description = c.continuation.length ? [head.rest, ...c.continuation].join(" ") : head.rest;
    let dependsCell: string | undefined;
    if (c.item) itemExtras(c.item, isTask, extras);
    if (c.body) bodyLines(c.body, extras);
    if (c.row) {
      const { cells, header } = c.row;
      const textCol = column(header, COLUMN.text);
      const cell = (i: number): string => (i >= 0 && i < cells.length ? cells[i] : "");
      const statusCol = column(header, COLUMN.status);
      const dependsCol = column(header, COLUMN.depends);
      const parallelCol = column(header, COLUMN.parallel);
      const labelCol = column(header, COLUMN.label);
      const textCell = cell(textCol >= 0 ? textCol : 1);
      const inner = /^((?:\s*\[[^\][]*\])*)\s*(.*)$/.exec(textCell)!;
      for (const m of inner[1].matchAll(/\[([^\][]*)\]/g)) {
        const v = m[1].trim();
        if (v === "P") parallel = true;
        else if (/^(?:US|M)\d+[a-z]?$/.test(v) && !labels.includes(v)) labels.push(v);
      }
      description = inner[2];
      if (statusCol >= 0 && cell(statusCol)) state = statusState(cell(statusCol));
      if (dependsCol >= 0) dependsCell = cell(dependsCol);
      if (parallelCol >= 0 && /^(?:\[?P\]?|yes|y|x|✓|✔|✅|true|sim|sí|si|是|はい|예)$/i.test(cell(parallelCol).trim())) parallel = true;
      if (labelCol >= 0) for (const l of cell(labelCol).match(/\b(?:US|M)\d+[a-z]?\b/g) ?? []) if (!labels.includes(l)) labels.push(l);
    }
    const { text, blockId } = cleanText(description);
    const draft: DraftTask = { candidate: c, id: head.id, state, parallel, labels, text, blockId, after: [], before: [], blockedByAliases: [] };
    if (description.includes("🆔")) draft.alias = TASK_ID_FIELD.exec(description)?.[1];
    relationsOf(draft, description, c.line);
    for (const e of extras) {
      const status = c.checked === null ? statusField(e.text) : undefined;
      if (status !== undefined && state === null) state = statusState(status);
      else relationsOf(draft, e.text, e.line);
    }
    draft.state = state;
    if (dependsCell !== undefined) relationsOf(draft, `depends on ${dependsCell}`, c.line);
    return draft;
  });
}
