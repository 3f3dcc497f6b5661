/**
 * Deterministic, seeded synthetic vaults for the benchmark: ordinary notes plus intent-kit visions
 * with plans of many milestones, and a large execute note with realistic dependencies.
 */

/** mulberry32: small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "alpha beta gamma delta data model service export import report sync queue cache index search share list team user review metric target baseline schedule release pilot survey".split(" ");

function sentence(rand: () => number, n: number): string {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  return words.join(" ").replace(/^./, (c) => c.toUpperCase());
}

function ordinaryNote(rand: () => number, i: number): string {
  const lines = [`# Note ${i}`, "", sentence(rand, 12) + ".", ""];
  const paragraphs = 2 + Math.floor(rand() * 6);
  for (let p = 0; p < paragraphs; p++) {
    lines.push(`## ${sentence(rand, 3)}`, "", sentence(rand, 30) + ".", "", `- ${sentence(rand, 6)}`, `- ${sentence(rand, 5)} [[Note ${Math.floor(rand() * 1000)}]]`, "");
  }
  return lines.join("\n");
}

export function planNote(rand: () => number, id: string, milestones: number): string {
  const out = [`# Implementation Plan: Vision ${id}`, "", `**Branch**: \`${id}\` | **Date**: 2026-01-05 | **Start Date**: 2026-02-02`, ""];
  out.push("```text", "src/", "├── api/", "├── web/", "tests/", "```", "");
  for (let m = 1; m <= milestones; m++) {
    const deps = m === 1 ? "None (foundational)" : [m - 1, ...(m > 3 && rand() < 0.4 ? [Math.max(1, m - 3)] : [])].map((d) => `Milestone ${d}`).join(" and ");
    out.push(`## Milestone ${m}: ${sentence(rand, 3)} (Priority: P${1 + Math.floor(rand() * 3)})`, "");
    out.push(`- **Objective**: ${sentence(rand, 10)}`, "- **Success Criteria**:", `  - ${sentence(rand, 8)}`, `  - ${sentence(rand, 8)}`, "- **Deliverables**:");
    for (let d = 0; d < 4; d++) out.push(`  - ${sentence(rand, 4)} in \`src/${WORDS[Math.floor(rand() * WORDS.length)]}/m${m}-${d}.ts\``);
    out.push(`- **Timeline**: Weeks ${m}-${m + 1}`, `- **Dependencies**: ${deps}`, `- **Validation Approach**: ${sentence(rand, 8)}`, "");
    out.push(`**Why this priority**: ${sentence(rand, 10)}`, "", `**Independent Validation**: ${sentence(rand, 10)}`, "", "**Acceptance Scenarios**:");
    out.push(`1. **Given** ${sentence(rand, 4)}, **When** ${sentence(rand, 4)}, **Then** ${sentence(rand, 4)}`, `2. **Given** ${sentence(rand, 4)}, **When** ${sentence(rand, 4)}, **Then** ${sentence(rand, 4)}`, "", "---", "");
  }
  out.push("## Risk Assessment", "", `- **Risk 1**: ${sentence(rand, 8)}`, "  - Impact: High", "  - Mitigation: " + sentence(rand, 6), "", `- **QS-001**: ${sentence(rand, 8)}`, "");
  return out.join("\n");
}

function visionNote(rand: () => number, id: string): string {
  const out = [`# Vision Document: Vision ${id}`, "", `**Vision ID**: \`${id}\` | **Created**: 2026-01-02`, ""];
  for (let i = 1; i <= 3; i++) out.push(`### Intent ${i} - ${sentence(rand, 3)} (Priority: P${i})`, "", sentence(rand, 20), "", `**Independent Validation**: ${sentence(rand, 10)}`, "");
  out.push(`- **SC-001**: ${sentence(rand, 8)}`, `- **VA-001**: ${sentence(rand, 8)}`, "");
  return out.join("\n");
}

function goalNote(rand: () => number, id: string): string {
  return [`# Goal Definition: Vision ${id}`, "", `**Goal ID**: \`${id}\``, "", `### Objective 1: ${sentence(rand, 3)} (Priority: P1)`, "", `- **Metric**: ${sentence(rand, 5)}`, `- **Target**: 80%`, "", `- **VM-001**: ${sentence(rand, 8)}`, ""].join("\n");
}

function strategyNote(rand: () => number, id: string): string {
  return [`# Strategy Exploration: Vision ${id}`, "", "## Strategy 1: Main", "", `- **Approach**: ${sentence(rand, 10)}`, "- **Technology/Tools**: TypeScript, PostgreSQL", "", "## Recommended Strategy", "", "Strategy 1.", ""].join("\n");
}

export interface SyntheticVault {
  /** Vault-relative path → content. */
  files: Map<string, string>;
  visions: number;
}

/** `notes` notes in all, of which `visions` × 4 are vision documents (plans of 5–`maxMilestones` milestones). */
export function syntheticVault(seed: number, notes: number, visions: number, maxMilestones = 50): SyntheticVault {
  const rand = prng(seed);
  const files = new Map<string, string>();
  for (let v = 1; v <= visions; v++) {
    const id = `${String(v).padStart(3, "0")}-vision-${v}`;
    const folder = `visions/${id}`;
    const milestones = v === 1 ? maxMilestones : 5 + Math.floor(rand() * (maxMilestones - 4));
    files.set(`${folder}/vision.md`, visionNote(rand, id));
    files.set(`${folder}/goal.md`, goalNote(rand, id));
    files.set(`${folder}/strategy.md`, strategyNote(rand, id));
    files.set(`${folder}/plan.md`, planNote(rand, id, milestones));
  }
  // Ordinary notes with varied names (as in real vaults), a few of them named like role documents.
  for (let i = files.size; i < notes; i++) {
    const name = i % 97 === 0 ? ["plan", "tasks", "goal", "vision"][i % 4] : `${WORDS[Math.floor(rand() * WORDS.length)]} ${WORDS[Math.floor(rand() * WORDS.length)]} ${i}`;
    files.set(`notes/${Math.floor(i / 200)}/${name}.md`, ordinaryNote(rand, i));
  }
  return { files, visions };
}

/**
 * An execute note with `tasks` tasks in phases of ~40, about 30% done.
 * - "generated" dependencies follow what Intent Kit writes: per phase, deliverables (mostly [P]),
 *   an integration task waiting for two tasks of the phase before, then verification tasks each
 *   waiting for 2–4 deliverables;
 * - "sparse" dependencies follow typical spec-kit tasks.md files: ~30% of tasks wait for one
 *   earlier task of their phase.
 */
export function largeExecuteNote(seed: number, tasks: number, style: "generated" | "sparse" = "generated"): string {
  const rand = prng(seed);
  const out = ["---", "intentk: execute", "---", "# Execution Plan: Large", ""];
  const perPhase = 40;
  const id = (n: number): string => `T${String(n).padStart(3, "0")}`;
  let n = 1;
  let previous: number[] = [];
  for (let p = 1; n <= tasks; p++) {
    const kind = p === 1 ? "Setup (Shared Infrastructure)" : p === 2 ? "Foundational (Blocking Prerequisites)" : `Milestone ${p - 2} - ${sentence(rand, 3)} (Priority: P${1 + (p % 3)})`;
    out.push(`## Phase ${p}: ${kind}`, "");
    const first = n;
    const deliverables: number[] = [];
    const inPhase: number[] = [];
    for (let k = 0; k < perPhase && n <= tasks; k++, n++) {
      const done = rand() < 0.3 ? "x" : " ";
      const label = p > 2 ? ` [M${p - 2}]` : "";
      let deps: number[] = [];
      let parallel = false;
      if (style === "sparse") {
        parallel = rand() < 0.4;
        if (n > first && rand() < 0.3) deps = [first + Math.floor(rand() * (n - first))];
      } else if (k < 15) {
        deliverables.push(n);
        parallel = rand() < 0.8;
      } else if (k === 15 && previous.length > 0) {
        deps = [previous[previous.length - 1], previous[Math.floor(rand() * previous.length)]];
      } else {
        const count = 2 + Math.floor(rand() * 3);
        deps = Array.from({ length: count }, () => deliverables[Math.floor(rand() * deliverables.length)]);
      }
      const unique = [...new Set(deps)].sort((a, b) => a - b);
      const dep = unique.length ? ` (depends on ${unique.map(id).join(", ")})` : "";
      out.push(`- [${done}] ${id(n)}${parallel ? " [P]" : ""}${label} ${sentence(rand, 7)} in src/${WORDS[Math.floor(rand() * WORDS.length)]}/f${n}.ts${dep}`);
      inPhase.push(n);
    }
    previous = inPhase;
    out.push("");
  }
  return out.join("\n");
}
