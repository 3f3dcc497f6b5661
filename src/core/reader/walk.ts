import type { Outline, OutlineBlock, OutlineHeading, OutlineItem, OutlineTable } from "./outline";
import { isStatement } from "./dependencies";
import { type TaskHead, readTaskHead } from "./ids";
import { type PhaseHeading, readPhaseHeading } from "./phase-heading";

/**
 * One pass over the outline that places every block in its section: which level-2 section (phase
 * candidate) and level-3 group it is in, and whether it is inside a dependency or parallel-example
 * section, where ID-first lines are cross-references rather than tasks. It collects the task
 * candidates of every form; the reader then picks the form the document uses.
 */

/** Headings of sections whose ID-first bullets are cross-references. */
const DEPENDENCY_SECTION =
  /dependenc|\bdepend|execution order|order of execution|\bparallel|critical path|\bsequenc|dependênc|depend[eê]ncia|paralel|ordem de execu|orden de ejecu|abhängigkeit|依赖|依賴|并行|並行|顺序|順序|依存|並列|의존|병렬|순서/i;

export interface Place {
  /** Index into `sections`, or -1 outside any level-2 section. */
  section: number;
  group?: { title: string; line: number };
  /** Inside a dependency / parallel-example section. */
  crossReference: boolean;
}

export interface Section {
  heading: OutlineHeading;
  phase: PhaseHeading;
  crossReference: boolean;
  /** Blocks between the heading and the first heading below it (where `**Depends on**:` lines live). */
  body: OutlineBlock[];
}

export interface Candidate {
  line: number;
  head: TaskHead;
  place: Place;
  /** Checkbox state: true/false, null when written without one. */
  checked: boolean | null;
  /** Continuation lines of the first paragraph (after the ID line), trimmed. */
  continuation: string[];
  item?: OutlineItem;
  /** Heading tasks: the blocks under the heading up to the next heading. */
  body?: OutlineBlock[];
  /** Table tasks: the row's cells and the table's header. */
  row?: { cells: string[]; header: string[] };
}

export interface Statement {
  line: number;
  text: string;
}

export interface Structure {
  title?: string;
  sections: Section[];
  checkbox: Candidate[];
  bullet: Candidate[];
  heading: Candidate[];
  table: Candidate[];
  /** Lines of dependency sections, each a possible dependency statement. */
  statements: Statement[];
  /** Tables inside dependency sections. */
  dependencyTables: OutlineTable[];
}

function headOfItem(item: OutlineItem): TaskHead | undefined {
  return item.lines.length ? readTaskHead(item.lines[0]) : undefined;
}

export function walkOutline(outline: Outline): Structure {
  const s: Structure = { sections: [], checkbox: [], bullet: [], heading: [], table: [], statements: [], dependencyTables: [] };
  const stack: { depth: number; crossReference: boolean }[] = [];
  let place: Place = { section: -1, crossReference: false };
  let direct: OutlineBlock[] | undefined;
  let headingTask: Candidate | undefined;

  const visitItem = (item: OutlineItem): void => {
    const head = headOfItem(item);
    if (head && item.checked !== null) {
      s.checkbox.push({ line: item.line, head, place, checked: item.checked, continuation: item.lines.slice(1), item });
    } else if (head && !place.crossReference && !isStatement(head.rest)) {
      s.bullet.push({ line: item.line, head, place, checked: null, continuation: item.lines.slice(1), item });
    }
    if (place.crossReference && !(head && item.checked !== null)) {
      item.lines.forEach((text, i) => s.statements.push({ line: item.line + i, text }));
      for (const m of item.more) s.statements.push(m);
    }
    item.children.forEach(visitItem);
  };

  for (const block of outline.blocks) {
    if (block.kind === "heading") {
      headingTask = undefined;
      while (stack.length && stack[stack.length - 1].depth >= block.depth) stack.pop();
      const head = block.depth >= 2 ? readTaskHead(block.text) : undefined;
      const phase = readPhaseHeading(block.text);
      const crossReference = !head && DEPENDENCY_SECTION.test(block.text) && !phase.numbered;
      stack.push({ depth: block.depth, crossReference });
      const inCrossReference = stack.some((e) => e.crossReference);
      if (block.depth === 1) {
        s.title ??= block.text.replace(/^[^:：]*[:：]\s*/, "").trim() || block.text;
        place = { section: -1, crossReference: inCrossReference };
        direct = undefined;
      } else if (head) {
        place = { ...place, crossReference: inCrossReference };
        if (!inCrossReference) {
          headingTask = { line: block.line, head, place, checked: null, continuation: [], body: [] };
          s.heading.push(headingTask);
        }
        direct = undefined;
      } else if (block.depth === 2) {
        s.sections.push({ heading: block, phase, crossReference, body: [] });
        place = { section: s.sections.length - 1, crossReference: inCrossReference };
        direct = s.sections[s.sections.length - 1].body;
      } else {
        place = { ...place, crossReference: inCrossReference, group: block.depth === 3 ? { title: block.text, line: block.line } : place.group };
        direct = undefined;
      }
      continue;
    }
    direct?.push(block);
    headingTask?.body!.push(block);
    if (block.kind === "item") visitItem(block);
    else if (block.kind === "para") {
      if (place.crossReference) block.lines.forEach((text, i) => s.statements.push({ line: block.line + i, text }));
    } else if (block.kind === "table") {
      if (place.crossReference) {
        s.dependencyTables.push(block);
        continue;
      }
      for (const row of block.rows) {
        const head = row.cells.length ? readTaskHead(row.cells[0]) : undefined;
        if (head && head.rest === "") s.table.push({ line: row.line, head, place, checked: null, continuation: [], row: { cells: row.cells, header: block.header } });
      }
    }
  }
  return s;
}

