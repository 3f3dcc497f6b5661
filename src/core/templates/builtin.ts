/**
 * The built-in note templates for a new vision, in the headings of FORMAT.md. Every section holds
 * a short, real starting point (not a bracketed placeholder), so a vision created from them is
 * valid at once: it loads without warnings and generates an execute note with one milestone.
 * `{{title}}`, `{{date}}` and `{{id}}` are filled in when the vision is created.
 */

export const VISION_TEMPLATE = `# Vision Document: {{title}}

**Vision ID**: \`{{id}}\` | **Created**: {{date}} | **Status**: Draft

## Why this vision

Write here, in a few sentences, the change {{title}} should bring and for whom. Keep it about
outcomes; the milestone plan says how to get there.

## Intents

### Intent 1 - First people use {{title}} (Priority: P1)

A small group of first users can rely on {{title}} for the job it is meant to do, without help.

**Why this priority**: Nothing else can be learned before someone uses it for real.

**Independent Validation**: Watch three first users do the job on their own and note where they get stuck.

**Outcome Scenarios**:

1. **Given** a first user with a real task, **When** they use {{title}} for it, **Then** they finish it without asking for help.

## Requirements

- **FR-001**: People can do the main job of {{title}} from start to finish.

## Measurable Outcomes

- **SC-001**: Three first users finish their task unaided in the first week.

## Validation Approach

- **VA-001**: Short sessions with first users, with notes on every place they hesitate.

### Success Thresholds

- **Minimum Viable**: One first user finishes a real task unaided.
- **Target**: Three first users finish real tasks unaided in the first week.
- **Aspirational**: First users bring a colleague without being asked.
`;

export const GOAL_TEMPLATE = `# Goal Definition: {{title}}

**Goal ID**: \`{{id}}\` | **Date**: {{date}} | **Vision**: [[vision]]

## Objectives

### Objective 1: First users succeed (Priority: P1)

- **Description**: First users complete the main job of {{title}} on their own.
- **Success Criteria**:
  - Three first users finish a real task unaided.
- **Metric**: Tasks finished without help, out of tasks started
- **Target**: 3 out of 3
- **Baseline**: 0 (nothing exists yet)
- **Timeline**: First two weeks after the first milestone ships

## Validation Methods

- **VM-001**: Observe first users and count tasks finished without help.

## Dependencies

- **ED-001**: Access to a handful of first users willing to try early versions.

## Resources

- **HR-001**: One person building, one person talking to first users.

### Validation Schedule

- Week 2: first observed sessions.
- Week 4: review the counts and decide on the next milestone.
`;

export const STRATEGY_TEMPLATE = `# Strategy Exploration: {{title}}

**Strategy ID**: \`{{id}}\` | **Date**: {{date}} | **Goal**: [[goal]]

## Strategy 1: Smallest working version first

- **Approach**: Build the narrowest version that lets a first user finish one real task, then widen it.
- **Validation Methods**:
  - Observed sessions with first users (VM-001).
- **Technology/Tools**:
  - The tools the team already uses every day.
- **Implementation Steps**:
  - Build the smallest version of the main job.
  - Put it in front of first users and watch.
- **Pros**: Fast feedback; little work thrown away.
- **Cons**: The first version looks plain.
- **Effort Estimate**: Two weeks
- **Risk Level**: Low
- **Alignment with Goals**: Serves Objective 1 directly.

**Evidence Collection Approach**:

- Notes from every observed session, kept next to this vision.

**Adaptation Mechanism**:

- When first users get stuck at the same place twice, that place becomes the next task.

## Recommended Strategy

Strategy 1 - Smallest working version first.
`;

export const PLAN_TEMPLATE = `# Implementation Plan: {{title}}

**Plan ID**: \`{{id}}\` | **Date**: {{date}} | **Vision**: [[vision]] | **Goal**: [[goal]] | **Strategy**: [[strategy]]

## Summary

One milestone to start: the smallest version of {{title}} that a first user can finish a real task with.
Add milestones below as you learn; each one gets its own phase in the execute note.

## Milestone 1: First usable version (Priority: P1)

- **Objective**: A first user can do the main job of {{title}} from start to finish.
- **Success Criteria**:
  - Three first users finish a real task unaided.
- **Deliverables**:
  - The main job working end to end.
  - A short guide for first users.
- **Timeline**: Weeks 1-2
- **Resources Needed**: One person building, one person talking to first users.
- **Dependencies**: None (foundational)
- **Validation Approach**:
  - Observed sessions with three first users (VM-001).

**Why this priority**: Everything else depends on having something people can use.

**Independent Validation**: A first user finishes a real task while we only watch.

**Acceptance Scenarios**:

1. **Given** a first user with a real task, **When** they follow the short guide, **Then** they finish the task unaided.

---

## Risk Assessment

- **Risk 1**: First users are hard to find.
  - Impact: High
  - Probability: Medium
  - Mitigation: Ask for three names before building starts.
  - Owner: Whoever writes this plan

## Progress Tracking

- Review the milestone against its success criteria every week.
`;
