import fc from "fast-check";
import { readFrontmatter } from "../../src/core/markdown/parse";
import { yamlString } from "../../src/core/text/yaml";

test("yamlString: any string reads back as itself, on one line, as a YAML value", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      const line = `key: ${yamlString(s)}`;
      expect(line).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
      expect(readFrontmatter(`${line}\nother: 1`)).toEqual({ key: s, other: 1 });
    }),
    { numRuns: 2000 },
  );
  expect(yamlString('001-say "hi"')).toBe('"001-say \\"hi\\""');
});
