// Stands in for `decode-named-character-reference` in main.js (esbuild alias). Its browser build
// decodes through `innerHTML`, which review scanners flag; its other build carries the whole HTML
// entity table (34 KB). The WebView's own HTML parser decodes the same way, without either.
// micromark passes only the alphanumeric name between `&` and `;`, so no markup reaches the parser.
const parser = new DOMParser();

export function decodeNamedCharacterReference(value) {
  const reference = `&${value};`;
  const character = parser.parseFromString(reference, "text/html").body.textContent ?? "";
  // As upstream: a result still ending in ";" means a reference that decoded without its semicolon
  // (`&notit;` → `¬it;`), and an unchanged result means no such reference.
  if (character.charCodeAt(character.length - 1) === 59 && value !== "semi") return false;
  return character === reference ? false : character;
}
