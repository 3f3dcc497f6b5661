import { parseEmbedOptions } from "../../src/core/embed/options";

describe("intentk code block options", () => {
  test("the issue's example, comments included", () => {
    const { options, errors } = parseEmbedOptions("vision: 001-team-reading-list     # id, number, or a path\nshow: next\nlimit: 3                          # for next\n");
    expect(errors).toEqual([]);
    expect(options).toEqual({ vision: "001-team-reading-list", show: "next", limit: 3 });
  });

  test("defaults: the vision of the note, progress, five tasks", () => {
    expect(parseEmbedOptions("")).toEqual({ options: { show: "progress", limit: 5 }, errors: [] });
    expect(parseEmbedOptions("# only a comment\n\n").errors).toEqual([]);
    expect(parseEmbedOptions("Show: PHASES\r\nvision: visions/001-x/plan.md").options).toEqual({ vision: "visions/001-x/plan.md", show: "phases", limit: 5 });
  });

  test("each bad option is named with its line and the accepted values", () => {
    const { errors } = parseEmbedOptions("show: gantt\nlimit: -2\ncolour: red\njust text\nshow: tasks\nvision:");
    expect(errors.map((e) => [e.option, e.line])).toEqual([
      ["show", 1],
      ["limit", 2],
      ["colour", 3],
      ["", 4],
      ["show", 5],
      ["vision", 6],
    ]);
    expect(errors[0].message).toBe('"show: gantt" (line 1) is not known; use one of progress, phases, tasks, timeline, next.');
    expect(errors[1].message).toContain("whole number from 1 to 100");
    expect(errors[2].message).toContain("the options are vision, show, limit");
  });

  test("hostile input: long lines parse in linear time, nothing throws", () => {
    const normal = "show: next\n".repeat(1000);
    const hostile = `${"a".repeat(200_000)}:${" ".repeat(200_000)}#\n${" \t".repeat(100_000)}x`;
    const time = (s: string): number => {
      const start = performance.now();
      parseEmbedOptions(s);
      return performance.now() - start;
    };
    time(normal);
    const base = Math.max(time(normal), 1);
    expect(time(hostile) / base).toBeLessThan(200);
  });
});
