/**
 * npm run bench [-- --quick] [-- --check]
 * Every figure is measured beside a baseline in the same run and reported as a ratio; --check
 * exits non-zero when a ratio misses its budget. Results go to bench/results/latest.json and the
 * table in BENCHMARKS.md.
 */
import { promises as fs, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import MarkdownIt from "markdown-it";
import { NodeFiles } from "../src/cli/node-files";
import { buildExecutionPlan } from "../src/core/generate/plan-model";
import { renderExecuteNote } from "../src/core/generate/render";
import { parseMarkdown } from "../src/core/markdown/parse";
import { detectVisions, type NoteInfo } from "../src/core/vision/detect";
import { buildVision } from "../src/core/vision/load";
import { useYamlParser } from "../src/core/yaml";
import { outlineVision } from "../src/core/vision/outline";
import { mapLimit, scanVisions } from "../src/core/workspace";
import { hasGc, retainedHeap, retainedHeapAsync, time } from "./measure";
import { largeExecuteNote, planNote, prng, syntheticVault } from "./synthetic";
import { extraRows } from "./rows";
import { parse as parseYaml } from "yaml";

useYamlParser({ parse: (text): unknown => parseYaml(text) });

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const check = argv.includes("--check");
const REPEATS = quick ? 3 : 7;
const WARMUP = quick ? 1 : 2;

export interface Row {
  id: string;
  what: string;
  value: number;
  unit: "ms" | "MB";
  baseline: { what: string; value: number };
  /** value / baseline */
  ratio: number;
  budget?: { max: number; text: string };
  pass?: boolean;
}

export interface BenchContext {
  quick: boolean;
  repeats: number;
  warmup: number;
  largeNote: string;
  add: (row: Omit<Row, "ratio" | "pass">) => void;
}

const rows: Row[] = [];
/** One line of the report on stdout. */
const say = (line: string): void => void process.stdout.write(`${line}\n`);
function add(row: Omit<Row, "ratio" | "pass">): void {
  const ratio = row.value / row.baseline.value;
  rows.push({ ...row, ratio, pass: row.budget ? ratio <= row.budget.max : undefined });
  const r = rows[rows.length - 1];
  say(`${r.id.padEnd(22)} ${fmt(r.value, r.unit).padStart(10)}  vs ${fmt(r.baseline.value, r.unit).padStart(10)}  ratio ${r.ratio.toFixed(3)}${r.budget ? `  budget ≤ ${r.budget.max} ${r.pass ? "ok" : "MISSED"}` : ""}`);
}

function fmt(v: number, unit: string): string {
  return unit === "MB" ? `${v.toFixed(1)} MB` : v < 10 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`;
}

function writeVault(files: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "intentk-bench-"));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The floor: list the folder and read every file with fs, as many at a time as the scan does. */
async function rawRead(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const texts = await mapLimit(paths, 32, (p) => fs.readFile(p, "utf8"));
  return texts.length;
}

/** The CLI's path: list, detect (reading frontmatter), then read each vision's documents for the index. */
async function cliScan(dir: string): Promise<number> {
  const files = new NodeFiles(dir);
  const { refs } = await scanVisions(files);
  const outlines = await Promise.all(refs.map((r) => outlineVision(r, (p) => files.read(p))));
  return outlines.length;
}

async function vaultRows(notes: number, visions: number, budgeted: boolean): Promise<void> {
  const vault = syntheticVault(42, notes, visions);
  const dir = writeVault(vault.files);
  try {
    const scan = await time(() => cliScan(dir), WARMUP, REPEATS);
    const raw = await time(() => rawRead(dir), WARMUP, REPEATS);
    add({
      id: `scan-${notes}`,
      what: `cold CLI scan of ${notes} notes / ${visions} visions (detect, read, index)`,
      value: scan.median,
      unit: "ms",
      baseline: { what: "fs: list and read every file", value: raw.median },
      budget: budgeted ? { max: 5, text: "≤ 5× the raw read" } : undefined,
    });

    // The plugin's path: metadata-cache-like objects, no file reads for non-vision notes.
    const metadata: NoteInfo[] = [...vault.files.keys()].map((path, i) => ({ path, frontmatter: i % 7 === 0 ? { tags: ["x"], created: "2026-01-01" } : undefined }));
    // Sub-millisecond figures: each sample times 20 runs, so the timer's resolution does not dominate.
    const BATCH = 20;
    const detect = await time(() => {
      for (let i = 0; i < BATCH; i++) detectVisions(metadata);
    }, WARMUP, REPEATS * 3);
    const pass = await time(() => {
      let n = 0;
      for (let i = 0; i < BATCH; i++) for (const m of metadata) if (m.path.endsWith(".md") && m.frontmatter?.intentk === undefined) n++;
      return n;
    }, WARMUP, REPEATS * 3);
    add({
      id: `index-${notes}`,
      what: `plugin-path detection of ${visions} visions among ${notes} notes (metadata only)`,
      value: detect.median / BATCH,
      unit: "ms",
      baseline: { what: "one pass over the same metadata objects", value: pass.median / BATCH },
      budget: budgeted ? { max: 5, text: "≤ 5× one pass" } : undefined,
    });

    if (hasGc) {
      // What the plugin keeps: the vision refs found among all notes and the outline of each vision.
      const texts = new Map(vault.files);
      const index = await retainedHeapAsync(() => Promise.all(detectVisions(metadata).map((r) => outlineVision(r, (p) => Promise.resolve(texts.get(p)!)))));
      const raw = retainedHeap(() => [...vault.files.values()].map((t) => ` ${t}`.slice(1)));
      add({
        id: `heap-${notes}`,
        what: `heap retained by the index of ${notes} notes (vision refs + outlines)`,
        value: index.bytes / 1e6,
        unit: "MB",
        baseline: { what: "heap of a copy of every note's text", value: raw.bytes / 1e6 },
      });
      void index.kept;
      void raw.kept;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function generationRow(): Promise<void> {
  const text = planNote(prng(7), "020-twenty", 20);
  const ref = { id: "020-twenty", folder: "visions/020-twenty", kind: "vision" as const, docs: { plan: "visions/020-twenty/plan.md" } };
  const today = new Date(2026, 10, 24);
  let note = "";
  const gen = await time(() => {
    const vision = buildVision(ref, { plan: parseMarkdown(ref.docs.plan, text) }, {}, []);
    note = renderExecuteNote(vision, buildExecutionPlan(vision), { today });
  }, WARMUP, REPEATS);
  const md = new MarkdownIt();
  const parse = await time(() => md.parse(note, {}), WARMUP, REPEATS * 3);
  add({
    id: "generate-20",
    what: "parse a 20-milestone plan and generate its execute note",
    value: gen.median,
    unit: "ms",
    baseline: { what: "markdown-it parsing the generated note", value: parse.median },
  });
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

function writeResults(): void {
  mkdirSync(join("bench", "results"), { recursive: true });
  const result = { date: new Date().toISOString(), machine: machine(), quick, gc: hasGc, rows };
  writeFileSync(join("bench", "results", "latest.json"), JSON.stringify(result, null, 2) + "\n");
  if (quick) return;
  const table = [
    "| row | what is measured | value | baseline (same run) | ratio | budget |",
    "|---|---|---:|---|---:|---|",
    ...rows.map((r) => `| \`${r.id}\` | ${r.what} | ${fmt(r.value, r.unit)} | ${r.baseline.what}: ${fmt(r.baseline.value, r.unit)} | ${r.ratio.toFixed(3)} | ${r.budget ? `${r.budget.text}: ${r.pass ? "met" : "**missed**"}` : "—"} |`),
  ].join("\n");
  const path = "BENCHMARKS.md";
  const doc = readFileSync(path, "utf8");
  const begin = "<!-- bench:table -->";
  const end = "<!-- /bench:table -->";
  const updated = doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), `${begin}\nMeasured ${result.date.slice(0, 10)} on ${result.machine}.\n\n${table}\n${end}`);
  writeFileSync(path, updated);
}

async function main(): Promise<void> {
  say(`intentk benchmark (${quick ? "quick" : "full"}, median of ${REPEATS} after ${WARMUP} warm-up${hasGc ? "" : "; run with --expose-gc for heap rows"})`);
  await vaultRows(1000, 10, quick);
  if (!quick) await vaultRows(10000, 100, true);
  await generationRow();
  const largeNote = largeExecuteNote(11, 1000);
  await extraRows({ quick, repeats: REPEATS, warmup: WARMUP, largeNote, add });
  writeResults();
  const missed = rows.filter((r) => r.pass === false);
  if (check && missed.length > 0) {
    console.error(`Budgets missed: ${missed.map((r) => r.id).join(", ")}`);
    process.exitCode = 1;
  }
}

void main();
