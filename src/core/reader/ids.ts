/**
 * Task IDs and the markers written right after them: `T012 [P] [M2] Description`,
 * `**T001** [US1] [US4] [P] …`, `T002 [P]Add …`, `T007: [US1] …`, `T2 [P]: Title`.
 */

/**
 * The ID, plain or bold (`**T001**`, `**T001:**`): `T` + digits, then the sub-numbers and suffix
 * letters seen in real files (`T010a`, `T010A`, `T001.1`, `T013-1`, sub-tasks `T067a-1` of `T067a`),
 * not followed by a letter or digit.
 */
const HEAD = /^(\*\*|__)?(T\d+(?:[.-]\d+)*(?:[A-Za-z](?:[.-]\d+)*)?)(?![A-Za-z0-9])(?:[:：]?(?:\*\*|__))?/;
/** Sticky: a marker `[…]` at the cursor (not a link `[…](…)`), after optional blanks. */
const MARKER = /[ \t]*\[([^\][]*)\](?!\()/y;
/** Sticky: blanks and one optional separator (`:`, `.`, or a dash followed by a blank). */
const SEPARATOR = /[ \t]*(?:[:：.]|[-–—](?=[ \t]))?[ \t]*/y;
const LABEL = /^(?:US|M)\d+[a-z]?$/i;

export interface TaskHead {
  id: string;
  parallel: boolean;
  /** Story/milestone labels among the markers (`US1`, `M4a`); other markers are dropped. */
  labels: string[];
  /** The text after the ID, its markers and separators. */
  rest: string;
}

/** Reads the ID and leading markers of a task's text; undefined when the text does not start with an ID. */
export function readTaskHead(text: string): TaskHead | undefined {
  const m = HEAD.exec(text);
  if (!m) return undefined;
  let at = m[0].length;
  let parallel = false;
  const labels: string[] = [];
  const skip = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = at;
    const r = re.exec(text);
    if (r) at = re.lastIndex;
    return r;
  };
  skip(SEPARATOR);
  for (let marker = skip(MARKER); marker; marker = skip(MARKER)) {
    const value = marker[1].trim();
    if (value === "P") parallel = true;
    else if (LABEL.test(value)) {
      // `[us1]` is the same story as `[US1]`.
      const label = value.replace(/^(us|m)/i, (p) => p.toUpperCase());
      if (!labels.includes(label)) labels.push(label);
    }
  }
  skip(SEPARATOR);
  return { id: m[2], parallel, labels, rest: text.slice(at).trimEnd() };
}

/**
 * Numeric order of task IDs: T9 < T010 < T010.1 < T010a < T011. The number is compared exactly,
 * whatever its length (an ID is a string, never a float): as its digits without leading zeros,
 * prefixed by how many there are, so plain string comparison gives numeric order.
 */
export function idKey(id: string): [string, string] {
  const m = /^T(\d+)(.*)$/.exec(id);
  if (!m) return ["~", id];
  const digits = m[1].replace(/^0+/, "");
  return [`${String(digits.length).padStart(9, "0")}:${digits}`, m[2].toLowerCase()];
}

export function compareIds(a: string, b: string): number {
  const [na, sa] = idKey(a);
  const [nb, sb] = idKey(b);
  return (na < nb ? -1 : na > nb ? 1 : 0) || (sa < sb ? -1 : sa > sb ? 1 : 0) || (a < b ? -1 : a > b ? 1 : 0);
}
