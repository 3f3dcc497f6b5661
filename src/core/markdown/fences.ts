/**
 * Fenced code blocks, followed line by line (CommonMark: a fence is 3+ backticks or tildes with at
 * most 3 spaces before it; it closes on a line of the same character, at least as long, alone).
 * Returns a function that, fed the lines of a note in order, says whether each one is code:
 * a fence line or a line inside a fenced block.
 */
export function fenceTracker(): (line: string) => boolean {
  let fence: string | undefined;
  return (line) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      return true;
    }
    return fence !== undefined;
  };
}
