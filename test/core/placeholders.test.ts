import { findPlaceholders, hasPlaceholder } from "../../src/core/vision/placeholders";

/**
 * The bracketed shapes the intent-kit v0.0.22 templates (vision, goal, strategy, milestone plan,
 * execute) leave for the author to fill, written from their shapes (not copied from the files).
 */
const SHAPES = [
  "[FEATURE]", "[DATE]", "[STRATEGY NAME]", "[EXECUTION NAME]", "[###-milestone-name]", "[REMOVE IF UNUSED]",
  "[link to strategy document]", "[Extract from goal: primary objectives + research findings]",
  "[e.g., Automated tracking, User surveys, etc. or NEEDS CLARIFICATION]", "[NEEDS CLARIFICATION: adaptation triggers not specified]",
  "[Title]", "[Brief Title]", "[Title Aligned with Vision Intent 2]",
  "[What specifically needs to be achieved in this milestone]", "[Specific, measurable outcomes - must align with goal objectives]",
  "[Tangible outputs to be produced - files, systems, reports]", "[Start and end dates - specific dates or duration]",
  "[People, tools, systems required]", "[Other work that must be completed first - milestone, research, etc.]",
  "[How to verify completion aligns with strategy validation methods]", "[Explain the value and why it has this priority level]",
  "[Describe how this milestone can be validated independently]",
  "[initial state]", "[action]", "[verified outcome]", "[user action]", "[measurable outcome]",
  "[Name of strategy from strategy document]", "[Total duration for all milestones]", "[Key metrics that will indicate milestone success]",
  "[Add more milestones as needed, each with an assigned priority]", "[Milestone sequence that determines overall timeline]",
  "[Milestones/activities that can run simultaneously]", "[People, time, tools specific to Milestone 1]",
  "[Resource used across multiple milestones]", "[Risk specific to Milestone execution]", "[Effect on milestone and overall strategy]",
  "[Likelihood - High/Medium/Low]", "[How to address this risk]", "[Who monitors this risk]",
  "[Method 1 - e.g., Weekly progress reports]", "[How to track metric 1 from strategy]", "[What to review every week - progress, blockers]",
  "[Action to take if milestone completes early]", "[Contingency plan if team members or tools unavailable]",
  "[Specific validation approach for this milestone]", "[Standard 1 - e.g., All validation methods must use real data]",
  "[current need]", "[specific problem]", "[why 3 components insufficient]", "[Analysis]", "[1/2/Tie]",
  "[Describe this user outcome in plain language]", "[boundary condition]", "[error scenario]", "[unusual usage pattern]",
  "[timeframe]", "[volume]", "[percentage]", "[evidence type]", "[specific metric]", "[Outcome Area 1]",
  "[Technical, business, or regulatory constraint]", "[Assumption about user behavior, market conditions, etc.]",
  "[How outcome SC-001 will be validated]", "[What constitutes minimum acceptable success]",
  "[When initial metrics will be captured]", "[Detailed explanation with specific connections]",
  "[Dependency 1 - e.g., Access to user data]", "[Role 1 - e.g., Data analyst, 0.5 FTE for 4 weeks]", "[Budget item 1 - e.g., Software licenses]",
  "[Description of high-impact risk]", "[Who is responsible for monitoring/mitigation]", "[Condition 1 - e.g., Success metric falls below X%]",
  "[Step 1 of adaptation process when triggers are met]", "[Name of recommended strategy - typically the highest scoring]",
  "[Advantage 1 that made this strategy the best choice]", "[Trade-off 1 that was acceptable for the benefits gained]",
  "[Description - aligns with which goal objective]", "[Risk 1 specific to this strategy]", "[What to do if primary approach fails]",
  "[Point 1 - what evidence to collect, how frequently]", "[Indicator 1 - how to measure it, success threshold]",
  "[Primary method to validate strategy success]", "[Resource 1 - e.g., Analytics platform]",
  "[technology]", "[validation framework]", "[Validation Entity]", "[entity]", "[location]", "[file]", "[name]",
  "[Brief description of what this milestone delivers]", "[How to verify this milestone works on its own]",
  "[Trigger 1 - e.g., Success metric falls below threshold]", "[Process 1 - how to document changes to approach]",
  "[platform-specific structure]",
];

const NOT_PLACEHOLDERS = [
  "- [ ] T001 [P] [M2] Build the API", "- [x] done", "[US1]", "[P1]", "see [the docs](https://example.com)", "[[plan#Milestone 1]]",
  "[beta]", "[Milestone 1] -> [Milestone 2]", "![diagram](a.png)", "[^1]", "> [!NOTE]",
];

describe("template placeholders", () => {
  test.each(SHAPES)("%s is recognised in a field", (shape) => {
    const line = `- **Deliverables**: ${shape}`;
    const found = findPlaceholders(line);
    expect(found.map((p) => p.text)).toContain(shape);
    expect(line.slice(found[0].index, found[0].index + shape.length)).toBe(shape);
  });

  test("the template's acceptance line holds three", () => {
    expect(findPlaceholders("1. **Given** [initial state], **When** [action], **Then** [verified outcome]")).toHaveLength(3);
  });

  test.each(NOT_PLACEHOLDERS)("%s is not a placeholder", (text) => {
    expect(hasPlaceholder(text)).toBe(false);
  });

  test("recognition is linear: a line 100 times longer takes well under 1000 times as long", () => {
    const unit = "[initial state] and [x] text [[a]] [not closed ";
    const time = (s: string): number => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) findPlaceholders(s);
      return performance.now() - t0;
    };
    time(unit.repeat(50));
    const ratio = time(unit.repeat(5000)) / Math.max(time(unit.repeat(50)), 0.05);
    expect(ratio).toBeLessThan(1000);
  });
});
