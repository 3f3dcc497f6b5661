/**
 * Repairs what real files bring: a byte-order mark, and UTF-8 text that was once decoded as
 * Mac Roman or Windows-1252 (`üéØ` for 🎯, `‚Üí` for →, `â€”` for —). Line structure is never
 * changed, so line numbers stay true to the user's file.
 */

// Characters 0x80–0xFF of Mac Roman and of Windows-1252, in byte order.
const MAC_ROMAN =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function byteTable(high: string): Map<string, number> {
  const table = new Map<string, number>();
  [...high].forEach((ch, i) => table.set(ch, 0x80 + i));
  return table;
}

const macRoman = byteTable(MAC_ROMAN);
const cp1252 = byteTable(CP1252_80_9F + Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join(""));

// A quick pre-check keeps the common (clean) case cheap: mojibake of multi-byte UTF-8 always
// starts with one of these lead characters (or, when the Mac Roman lead byte F0 was lost, ü).
const SUSPECT = /[‚âÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ\uf8ff]./u;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Length of a UTF-8 sequence from its lead byte (0 when it is not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

function decode(bytes: number[]): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
}

/** Re-decodes one run of high characters; characters that do not form UTF-8 are kept as they were. */
function repairRun(chars: string[], table: Map<string, number>): string {
  const bytes = chars.map((c) => table.get(c) ?? -1);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const len = sequenceLength(bytes[i]);
    if (len > 0 && i + len <= chars.length && bytes.slice(i + 1, i + len).every(isContinuation)) {
      try {
        out += decode(bytes.slice(i, i + len));
        i += len;
        continue;
      } catch {
        // not valid UTF-8 after all: keep the characters
      }
    }
    // Emoji whose Mac Roman lead byte (F0, a private-use glyph) was dropped in transit: `üéØ`.
    if (table === macRoman && bytes[i] === 0x9f && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2])) {
      out += decode([0xf0, 0x9f, bytes[i + 1], bytes[i + 2]]);
      i += 3;
      continue;
    }
    out += chars[i];
    i += 1;
  }
  return out;
}

function repairWith(text: string, table: Map<string, number>): string {
  let out = "";
  let run: string[] = [];
  const flush = (): void => {
    out += run.length >= 2 ? repairRun(run, table) : run.join("");
    run = [];
  };
  for (const ch of text) {
    if (table.has(ch)) run.push(ch);
    else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return repairWith(repairWith(text, macRoman), cp1252);
}

/** What every reader applies before parsing: BOM removed, mojibake repaired. */
export function normalizeText(text: string): string {
  return repairMojibake(stripBom(text));
}

/** A short, stable, dependency-free content hash (FNV-1a, 32 bit, hex). */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Collapses runs of whitespace (including newlines) to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * kebab-case slug for folder names: letters and digits of any script are kept. Latin accents are
 * dropped (`Crème` → `creme`); other scripts keep their combining marks (`バ` stays `バ`).
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
