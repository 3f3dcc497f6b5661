/**
 * Text with the characters XML 1.0 forbids replaced by U+FFFD: C0 controls other than tab, line
 * feed and carriage return (NUL included), U+FFFE, U+FFFF and unpaired surrogates. Titles come
 * from users' notes; with these characters an SVG export is not well-formed XML and Graphviz
 * cannot read a DOT file (NUL ends its strings). A scan rather than a regular expression: linear,
 * and no lookbehind (old iOS) for the surrogate pairs.
 */
export function xmlSafeText(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (!bad) continue;
    out += `${text.slice(from, i)}\uFFFD`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
