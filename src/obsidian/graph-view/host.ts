import type { App } from "obsidian";
import type { PlanGraph } from "../../core/graph/model";
import type { PlanTiming } from "../../core/schedule/timing";

/** A plan the view can show: an execution plan (execute.md, tasks.md) with a readable name. */
export interface GraphPlanRef {
  /** Stable id, e.g. the vision id `001-team-reading-list`. */
  id: string;
  /** Shown in the plan selector. */
  name: string;
  /** Vault path of the plan note. */
  file: string;
}

/**
 * What the phase graph view needs from the plugin. The view depends on this interface only, so the
 * plugin can back it with its live index and tests with plain objects.
 */
export interface GraphViewHost {
  app: App;
  /** Plans to choose from, in display order. */
  listPlans(): GraphPlanRef[];
  /** The current graph of a plan (from the live index), or undefined when it cannot be read. */
  getGraph(id: string): PlanGraph | undefined;
  /**
   * What the plan says about time (Start Date, milestone Timelines), for the Timeline mode; undefined
   * for a plan with nothing to schedule (the task graph of a plain note). Without it: no timeline.
   */
  getTiming?(id: string): PlanTiming | undefined;
  /** Today's date, for the timeline's today line (tests fix it). Default: the clock. */
  today?(): Date;
  /** Call `cb` whenever plans or their graphs may have changed; returns the unsubscribe function. */
  onChange(cb: () => void): () => void;
  /**
   * Open `file` at a 1-based `line` (a phase: also its `heading`), in a new tab when `newTab`
   * (Cmd/Ctrl-click, middle click, Cmd/Ctrl+Enter).
   */
  openAt(file: string, line: number, heading: string | undefined, newTab: boolean): void;
  /**
   * Save an export (the SVG) under a file name the view proposes, e.g. `001-team-reading-list-phases.svg`;
   * the host picks the folder and handles name clashes. Resolves with the saved vault path.
   */
  saveFile(name: string, content: string): Promise<string | void> | string | void;
  /**
   * False while the plans are still being found (a view restored at startup); the view shows a
   * loading state instead of "No plans yet" and the host reports a change once it is ready.
   */
  isReady?(): boolean;
  /** The plan to show when the view opens without one, e.g. the plan of the active note. */
  preferredPlan?(): string | undefined;
}
