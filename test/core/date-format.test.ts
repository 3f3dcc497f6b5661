// Date patterns as Obsidian users type them (moment style), formatted by date-fns; old date-fns
// patterns keep working; a bad pattern gets a message, never an exception or a console warning.
import { compileDateFormat, dateFormatter, momentFromDateFns } from "../../src/core/text/date-format";

const DAY = new Date(2026, 2, 5, 14, 7, 9); // Thursday 5 March 2026, 14:07:09

function formatted(pattern: string): string {
  const compiled = compileDateFormat(pattern);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.format(DAY);
}

describe("compileDateFormat", () => {
  it.each([
    ["YYYY-MM-DD", "2026-03-05"],
    ["DD.MM.YYYY", "05.03.2026"],
    ["MMM D, YYYY", "Mar 5, 2026"],
    ["dddd", "Thursday"],
    ["ddd, MMMM Do YY", "Thu, March 5th 26"],
    ["dd d E", "Th 4 4"],
    ["YYYY-[W]WW", "2026-W10"],
    ["[Week] w [of] gggg", "Week 10 of 2026"],
    ["YYYY-MM-DDTHH:mm:ss", "2026-03-05T14:07:09"],
    ["h:mm A", "2:07 PM"],
    ["h:mm a", "2:07 pm"],
    ["Qo [quarter]", "1st quarter"],
    ["DDDD", "064"],
    ["[yyyy] YYYY", "yyyy 2026"],
  ])("formats the moment pattern %s", (pattern, expected) => {
    expect(formatted(pattern)).toBe(expected);
  });

  it.each([
    ["yyyy-MM-dd", "2026-03-05"],
    ["dd.MM.yyyy", "05.03.2026"],
    ["EEEE, d MMMM yyyy", "Thursday, 5 March 2026"],
    ["yyyy 'week' I", "2026 week 10"],
  ])("still formats the date-fns pattern %s", (pattern, expected) => {
    expect(formatted(pattern)).toBe(expected);
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["YYYY-[W", /"\[" at position 6 is never closed/],
    ["YYY-MM", /"YYY" at position 1 is not a date token/],
    ["MMMMM", /"MMMMM" at position 1/],
    ["yyyy-MM-DD", /write the whole pattern in one style/],
    ["yyyy-MM-dd j", /Not a valid date-fns pattern/],
  ])("explains what is wrong with %j", (pattern, message) => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const compiled = compileDateFormat(pattern);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.error).toMatch(message);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("runs in linear time on long patterns", () => {
    const ratio = (n: number): number => {
      const pattern = "YYYY-MM-DD [x] ".repeat(n) + "[";
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) compileDateFormat(pattern);
      return performance.now() - t0;
    };
    ratio(200);
    const small = Math.max(ratio(200), 0.5);
    expect(ratio(20_000) / small).toBeLessThan(100 * 20);
  });
});

describe("dateFormatter", () => {
  it("falls back to ISO dates for a bad or missing pattern", () => {
    expect(dateFormatter("YYYY-[W")(DAY)).toBe("2026-03-05");
    expect(dateFormatter(undefined)(DAY)).toBe("2026-03-05");
  });
});

describe("momentFromDateFns", () => {
  it.each([
    ["yyyy-MM-dd", "YYYY-MM-DD"],
    ["dd.MM.yyyy", "DD.MM.YYYY"],
    ["EEEE, do MMMM yyyy", "dddd, Do MMMM YYYY"],
  ])("rewrites %s as %s, formatting the same date", (pattern, moment) => {
    expect(momentFromDateFns(pattern)).toBe(moment);
    expect(formatted(moment)).toBe(formatted(pattern));
  });

  it("leaves patterns it cannot rewrite (and moment patterns) alone", () => {
    expect(momentFromDateFns("yyyy 'week' I")).toBeUndefined();
    expect(momentFromDateFns("YYYY-MM-DD")).toBeUndefined();
  });
});
