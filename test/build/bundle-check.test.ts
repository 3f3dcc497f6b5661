/**
 * @jest-environment jsdom
 */
// The production build refuses a main.js that old iOS WebViews cannot load or that scanners flag;
// the two stand-ins that keep eval and innerHTML out of it behave like the packages they replace.
import { bundleProblems, MAX_BUNDLE_BYTES } from "../../scripts/bundle/check.mjs";
import { decodeNamedCharacterReference } from "../../scripts/bundle/decode-named-character-reference.mjs";
import format from "../../scripts/bundle/format.mjs";

describe("bundleProblems", () => {
  it("accepts clean code, named groups included", () => {
    expect(bundleProblems('var a=/(?<year>\\d{4})/,b="retrieval(1)",c=el.textContent;')).toEqual([]);
  });

  it.each([
    // Assembled from parts so that this file holds no lookbehind itself.
    ["lookbehind", `x=/(?<${"="}a)b/`, "regex lookbehind"],
    ["negative lookbehind", `RegExp("(?<${"!"}\\\\w)x")`, "regex lookbehind"],
    ["indirect eval", 'return this||(0,eval)("this")', "eval"],
    ["eval call", 'eval("1")', "eval"],
    ["innerHTML", "e.innerHTML=n", "innerHTML/outerHTML"],
    ["outerHTML", "t=e.outerHTML", "innerHTML/outerHTML"],
  ])("reports %s", (_, code, name) => {
    const problems = bundleProblems(code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it("reports a bundle over the size budget", () => {
    expect(bundleProblems("x", MAX_BUNDLE_BYTES + 1)).toEqual([`${MAX_BUNDLE_BYTES + 1} bytes, over the budget of ${MAX_BUNDLE_BYTES}`]);
  });
});

describe("bundle stand-ins", () => {
  it("decodes named character references as the HTML parser does", () => {
    expect(decodeNamedCharacterReference("amp")).toBe("&");
    expect(decodeNamedCharacterReference("notin")).toBe("∉");
    expect(decodeNamedCharacterReference("semi")).toBe(";");
    expect(decodeNamedCharacterReference("notit")).toBe(false);
    expect(decodeNamedCharacterReference("nosuchentity")).toBe(false);
  });

  it("formats fault's messages", () => {
    expect(format("Expected matter to be an object, not `%j`", [1])).toBe("Expected matter to be an object, not `[1]`");
    expect(format("%s of %d (100%%)", "a", 2)).toBe("a of 2 (100%)");
  });
});
