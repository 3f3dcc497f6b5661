import { MAX_KEYWORDS_PER_LINE } from "../limits";
import type { PhaseKind } from "./model";

/**
 * References that dependency text names — task IDs, ID ranges, story/milestone labels, phase
 * numbers and the setup/foundational/polish phases — and the words that relate them
 * ("depends on", "blocks", "→", "の後に"…), in the languages seen in real plans.
 */
export type Ref =
  | { kind: "task"; id: string }
  | { kind: "range"; from: string; to: string }
  | { kind: "label"; label: string }
  | { kind: "phase"; number: string }
  | { kind: "phaseKind"; phaseKind: PhaseKind };

export interface RefToken {
  ref: Ref;
  start: number;
  end: number;
}

export type Relation = "after" | "afterPrevious" | "blocks" | "arrow";

export interface KeywordToken {
  relation: Relation;
  start: number;
  end: number;
}

const CJK_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "3", "3.1", "二", "十二" → "3", "3.1", "2", "12". */
export function phaseNumber(text: string): string {
  if (/^\d/.test(text)) return text.replace(/^0+(?=\d)/, "");
  let n = 0;
  let current = 0;
  for (const ch of text) {
    const v = CJK_NUMERALS[ch];
    if (v === 10) {
      n += (current || 1) * 10;
      current = 0;
    } else current = v ?? 0;
  }
  return String(n + current);
}

const STORY_WORDS = String.raw`User\s+Story|Story|Hist[óo]ria\s+de\s+Usu[áa]rio|Historia\s+de\s+Usuario|用户故事|用戶故事|ユーザーストーリー|사용자\s*스토리`;
const MILESTONE_WORDS = String.raw`Milestone|Marco|Hito|Meilenstein|Jalon|里程碑|マイルストーン|마일스톤`;
const PHASE_WORDS = String.raw`Phase|Fase|Etapa|Stage|[ÉE]tape|Phasen?|フェーズ|阶段|階段`;
const NUMBER = String.raw`\d+(?:\.\d+)*|[一二三四五六七八九十]+`;

export const SETUP_WORDS = String.raw`set[- ]?up|initiali[sz]ation|bootstrap|configura[çc][ãa]o|configuraci[óo]n|inicializa[çc][ãa]o|inicializaci[óo]n|prepara[çc][ãa]o|preparaci[óo]n|初始化|设置|設置|準備|セットアップ|설정|초기화|준비`;
export const FOUNDATIONAL_WORDS = String.raw`foundation(?:al|s)?|blocking\s+prerequisites|prerequisites|fundacional|funda[çc][ãa]o|fundamentos?|基础|基礎|基盤|기반|기초`;
export const POLISH_WORDS = String.raw`polish(?:ing)?|cross[- ]cutting|hardening|polimento|pulido|refinamiento|transvers\w*|完善|打磨|收尾|仕上げ|ポリッシュ|마무리|다듬기`;

/** Case-sensitive references: IDs, ranges and labels must be written in capitals. */
const CASED = new RegExp(
  [
    String.raw`T(\d+)([a-z]?)[ \t]*(?:-|–|—|~|\.\.)[ \t]*T?(\d+)([a-z]?)(?![A-Za-z0-9])`,
    String.raw`(T\d+(?:\.\d+)?[A-Za-z]?)(?![A-Za-z0-9])`,
    String.raw`((?:US|M)\d+[a-z]?)(?![A-Za-z0-9])`,
  ].join("|"),
  "g",
);

/** Word references, any case. */
const WORDS = new RegExp(
  [
    String.raw`(?:${STORY_WORDS})\s*(\d+)`,
    String.raw`(?:${MILESTONE_WORDS})\s*(\d+[a-z]?)`,
    String.raw`(?:${PHASE_WORDS})\s*(${NUMBER})(?![+\d]|\s*[-–]\s*\d)`,
    String.raw`第\s*(${NUMBER})\s*(?:阶段|段階|단계)`,
    String.raw`(\d+)\s*단계`,
    String.raw`(${SETUP_WORDS})`,
    String.raw`(${FOUNDATIONAL_WORDS})`,
  ].join("|"),
  "giu",
);

/** Sticky: a sub-task ID under a lettered task, `T067a-1`, `T067a.2`. */
const SUB_TASK = /T\d+[a-z](?:[.-]\d+)+/y;

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

function caseRefs(text: string, out: RefToken[]): void {
  CASED.lastIndex = 0;
  for (let m = CASED.exec(text); m; m = CASED.exec(text)) {
    if (isWordChar(text[m.index - 1])) {
      CASED.lastIndex = m.index + 1;
      continue;
    }
    const span = { start: m.index, end: m.index + m[0].length };
    // `T067a-1` is a sub-task of T067a, not a range down to T1.
    SUB_TASK.lastIndex = m.index;
    const sub = m[1] !== undefined && m[2] !== "" ? SUB_TASK.exec(text) : null;
    if (sub && !isWordChar(text[SUB_TASK.lastIndex])) {
      out.push({ ref: { kind: "task", id: sub[0] }, start: m.index, end: SUB_TASK.lastIndex });
      CASED.lastIndex = SUB_TASK.lastIndex;
    } else if (m[1] !== undefined) out.push({ ref: { kind: "range", from: `T${m[1]}${m[2]}`, to: `T${m[3]}${m[4]}` }, ...span });
    else if (m[5] !== undefined) out.push({ ref: { kind: "task", id: m[5] }, ...span });
    else out.push({ ref: { kind: "label", label: m[6] }, ...span });
  }
}

function wordRefs(text: string, out: RefToken[]): void {
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    // Latin words need a word boundary in front; CJK and Hangul words do not.
    if (/^[A-Za-zÀ-ÿ]/.test(m[0]) && isWordChar(text[m.index - 1])) {
      WORDS.lastIndex = m.index + 1;
      continue;
    }
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[1] !== undefined) out.push({ ref: { kind: "label", label: `US${m[1]}` }, ...span });
    else if (m[2] !== undefined) out.push({ ref: { kind: "label", label: `M${m[2]}` }, ...span });
    else if (m[3] !== undefined || m[4] !== undefined || m[5] !== undefined) {
      out.push({ ref: { kind: "phase", number: phaseNumber(m[3] ?? m[4] ?? m[5]) }, ...span });
    } else if (m[6] !== undefined) out.push({ ref: { kind: "phaseKind", phaseKind: "setup" }, ...span });
    else if (m[7] !== undefined) out.push({ ref: { kind: "phaseKind", phaseKind: "foundational" }, ...span });
  }
}

/** Every reference in the text, in order, overlapping matches resolved in favour of the earlier one. */
export function findRefs(text: string): RefToken[] {
  const all: RefToken[] = [];
  caseRefs(text, all);
  if (/[A-Za-zÀ-ÿ一-鿿ぁ-ヿ가-힯]{2}/u.test(text)) wordRefs(text, all);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RefToken[] = [];
  let end = -1;
  for (const t of all) {
    if (t.start < end) continue;
    out.push(t);
    end = t.end;
  }
  return out;
}

const AFTER = String.raw`depends?\s+on|depending\s+on|dependent\s+on|dependencies|dependency|requires|blocked\s+by|waits?\s+for|after|depende[mn]?\s+d[aeo]s?|após|apos|depois\s+d[aeo]s?|despu[ée]s\s+de|tras|requer|requiere|依赖于?|依賴於?|取决于|前置任务|依存(?=\s*[:：])|의존(?=\s*[:：])|선행\s*작업`;
const AFTER_PREVIOUS = String.raw`の後(?:に|で)?|に依存|以降|之后|之後|以后|完成后|이후|후에|완료\s*후|에\s*의존`;
const BLOCKS = String.raw`blocks|unblocks|before|is\s+required\s+by|bloqueia|bloquea|阻塞`;
const ARROW = String.raw`→|->|=>|⟶|➔|➜|⇒`;

const KEYWORDS = new RegExp(`(${AFTER})|(${AFTER_PREVIOUS})|(${BLOCKS})|(${ARROW})`, "gi");

/** The relation words of a text, in order (the first `MAX_KEYWORDS_PER_LINE`). */
export function findKeywords(text: string): KeywordToken[] {
  const out: KeywordToken[] = [];
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m && out.length < MAX_KEYWORDS_PER_LINE; m = KEYWORDS.exec(text)) {
    if (/^[A-Za-z]/.test(m[0]) && (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + m[0].length]))) {
      KEYWORDS.lastIndex = m.index + 1;
      continue;
    }
    const relation: Relation = m[1] !== undefined ? "after" : m[2] !== undefined ? "afterPrevious" : m[3] !== undefined ? "blocks" : "arrow";
    out.push({ relation, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
