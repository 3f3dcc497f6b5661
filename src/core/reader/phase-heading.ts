import { charIn, trimChars } from "../text/trim";
import { readPriority, withoutMvp } from "../vision/headings";
import type { PhaseKind } from "./model";
import { FOUNDATIONAL_WORDS, POLISH_WORDS, SETUP_WORDS, phaseNumber } from "./refs";

/**
 * Reads a phase heading in the forms seen in real plans: `Phase 3: User Story 1 - Title
 * (Priority: P1) 🎯 MVP`, `Phase 3 : …`, `Phase 3.1: …`, `Fase 2 — …`, `阶段 3：…`, `阶段二：…`,
 * `3단계: …`, `フェーズ1: …`, `M1: …`, `[P] Milestone 3: …`, `1. Setup`.
 */
export interface PhaseHeading {
  number?: string;
  title: string;
  kind: PhaseKind;
  priority?: number;
  mvp: boolean;
  label?: string;
  /** The heading starts with a phase number, or with a milestone or story: it is a phase even without tasks. */
  numbered: boolean;
}

const NUMBER = String.raw`(\d+(?:\.\d+)*|[一二三四五六七八九十]+)`;
const SEPARATORS = String.raw`[\s]*(?:[:：.)\-–—]+[\s]*|\s+|$)`;
const PREFIXES: RegExp[] = [
  new RegExp(String.raw`^(?:Phase|Fase|Etapa|Stage|[ÉE]tape|フェーズ|阶段|階段)\s*${NUMBER}${SEPARATORS}`, "iu"),
  new RegExp(String.raw`^第\s*${NUMBER}\s*(?:阶段|段階|단계|フェーズ)${SEPARATORS}`, "u"),
  new RegExp(String.raw`^${NUMBER}\s*단계${SEPARATORS}`, "u"),
  new RegExp(String.raw`^(\d+(?:\.\d+)*)(?:[.)]\s*|\s*[:：\-–—]\s*)`, "u"),
];
const BARE_LABEL = /^((?:M|US)\d+[a-z]?)\s*[:：\-–—]\s*/;
const STORY = /(?:User\s+Story|\bStory|Hist[óo]ria\s+de\s+Usu[áa]rio|Historia\s+de\s+Usuario|用户故事|用戶故事|ユーザーストーリー|사용자\s*스토리)\s*(\d+)/iu;
const MILESTONE = /(?:\bMilestone|\bMarco|\bHito|\bMeilenstein|\bJalon|里程碑|マイルストーン|마일스톤)\s*(\d+[a-z]?)/iu;
/** A label in brackets: `(M1)`, `(US1, Priority: P1)`, `[US2]`. */
const BRACKETED_LABEL = /[([（【]\s*((?:US|M)\d+[a-z]?)\s*[,，)\]）】]/;
const KIND_WORDS: [PhaseKind, RegExp][] = [
  ["setup", new RegExp(`(?:^|[^A-Za-z])(?:${SETUP_WORDS})(?![A-Za-z])`, "iu")],
  ["foundational", new RegExp(`(?:^|[^A-Za-z])(?:${FOUNDATIONAL_WORDS})(?![A-Za-z])`, "iu")],
  ["polish", new RegExp(`(?:^|[^A-Za-z])(?:${POLISH_WORDS})(?![A-Za-z])`, "iu")],
];

const isSeparator = charIn(/[\s:：\-–—]/);

export function readPhaseHeading(heading: string): PhaseHeading {
  let text = heading.trim().replace(/^\[P\]\s*/, "");
  text = text.replace(/^(\*\*|__)(.+?)\1/, "$2");
  let number: string | undefined;
  for (const prefix of PREFIXES) {
    const m = prefix.exec(text);
    if (m) {
      number = phaseNumber(m[1]);
      text = text.slice(m[0].length);
      break;
    }
  }
  let label: string | undefined;
  if (number === undefined) {
    const bare = BARE_LABEL.exec(text);
    if (bare) {
      number = bare[1];
      label = bare[1];
      text = text.slice(bare[0].length);
    }
  }
  const mvp = /🎯|\bMVP\b/u.test(text);
  const target = text.indexOf("🎯");
  text = withoutMvp(target < 0 ? text : text.slice(0, target).trimEnd());
  const { priority, rest } = readPriority(text);
  const title = trimChars(rest, isSeparator).trim();

  // Where the text (after any number prefix) starts with "Milestone 3" or "User Story 1".
  let labelAtStart = false;
  if (!label) {
    const story = STORY.exec(text);
    const milestone = MILESTONE.exec(text);
    const bracketed = BRACKETED_LABEL.exec(text);
    if (story && (!milestone || story.index < milestone.index)) label = `US${story[1]}`;
    else if (milestone) label = `M${milestone[1]}`;
    else if (bracketed) label = bracketed[1];
    labelAtStart = (story?.index ?? milestone?.index) === 0;
  }
  let kind: PhaseKind = "other";
  if (label) kind = label.startsWith("US") ? "story" : "milestone";
  else {
    let first = Infinity;
    for (const [k, re] of KIND_WORDS) {
      const m = re.exec(title);
      if (m && m.index < first) {
        first = m.index;
        kind = k;
      }
    }
  }
  return { number, title: title || heading.trim(), kind, priority, mvp, label, numbered: number !== undefined || labelAtStart };
}
