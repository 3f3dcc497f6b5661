import { parse, isValid } from "date-fns";
import { parseCalendarDate } from "../../src/core/text/parse-date";

const ymd = (d: Date | undefined): string | undefined => (d ? `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}` : undefined);

describe("calendar dates in plans", () => {
  test.each([
    ["2026-03-16", "2026-3-16"],
    ["2026/03/16", "2026-3-16"],
    ["`2026-03-16`", "2026-3-16"],
    ["  March 16, 2026 ", "2026-3-16"],
    ["Mar 6, 2026", "2026-3-6"],
    ["sep 30, 2026", "2026-9-30"],
    ["16 March 2026", "2026-3-16"],
    ["1 Dec 2026", "2026-12-1"],
    ["2028-02-29", "2028-2-29"],
  ])("%s is %s", (text, expected) => {
    expect(ymd(parseCalendarDate(text))).toBe(expected);
  });

  test.each(["2026-02-30", "2026-13-01", "2026-03-16 to 2026-04-01", "Marchember 3, 2026", "16 Mar, 2026", "2026-3-16x", "", "week 3", "2026-03/16"])("%s is not a date", (text) => {
    expect(parseCalendarDate(text)).toBeUndefined();
  });

  test("agrees with date-fns parse on the six shapes for every day of two years", () => {
    const shapes = ["yyyy-MM-dd", "yyyy/MM/dd", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy"];
    const { format } = jest.requireActual<typeof import("date-fns")>("date-fns");
    for (let d = new Date(2027, 0, 1); d.getFullYear() < 2029; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      for (const shape of shapes) {
        const text = format(d, shape);
        const theirs = parse(text, shape, new Date(2000, 0, 1));
        expect(isValid(theirs)).toBe(true);
        expect(ymd(parseCalendarDate(text))).toBe(ymd(theirs));
      }
    }
  });
});
