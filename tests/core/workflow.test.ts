import { describe, expect, it } from "vitest";
import { Task } from "@baton/core/task";
import { nextTaskStatus, quadrant, requestStatusFor, taskSteps, TaskStatuses, type TaskAction } from "@baton/core/workflow";
import { VisibleError } from "@baton/core/error";
import type { MemberItem } from "@baton/core/member";

describe("task state machine", () => {
  it("follows the pipeline and nothing else", () => {
    expect(nextTaskStatus("assign", "todo")).toBe("in_progress");
    expect(nextTaskStatus("assign", "returned")).toBe("returned");
    expect(nextTaskStatus("submit", "in_progress")).toBe("in_qa");
    expect(nextTaskStatus("qa_return", "in_qa")).toBe("returned");
    expect(nextTaskStatus("submit", "returned")).toBe("in_qa");
    expect(nextTaskStatus("qa_approve", "in_qa")).toBe("client_review");
    expect(nextTaskStatus("client_revision", "client_review")).toBe("returned");
    expect(nextTaskStatus("client_approve", "client_review")).toBe("done");
  });

  it("refuses every move not in the table with a 409", () => {
    for (const action of Object.keys(taskSteps) as TaskAction[]) {
      for (const status of TaskStatuses) {
        if (taskSteps[action].from.includes(status)) continue;
        try {
          nextTaskStatus(action, status, { status });
          expect.unreachable(`${action} from ${status}`);
        } catch (error) {
          expect(error).toBeInstanceOf(VisibleError);
          expect((error as VisibleError).status).toBe(409);
          expect((error as VisibleError).extra.current).toEqual({ status });
        }
      }
    }
    // Done is final.
    expect(TaskStatuses.filter((s) => s !== "done").length).toBe(5);
    expect(Object.values(taskSteps).some((step) => step.from.includes("done"))).toBe(false);
  });

  it("derives the request's status from its tasks", () => {
    expect(requestStatusFor(["todo", "in_qa"])).toBe("in_progress");
    expect(requestStatusFor(["done", "client_review"])).toBe("awaiting_approval");
    expect(requestStatusFor(["done", "done"])).toBe("completed");
    expect(requestStatusFor(["done", "returned"])).toBe("in_progress");
  });

  it("places tasks in Eisenhower quadrants", () => {
    expect(quadrant({ urgent: true, important: true })).toBe("do");
    expect(quadrant({ urgent: false, important: true })).toBe("schedule");
    expect(quadrant({ urgent: true, important: false })).toBe("delegate");
    expect(quadrant({ urgent: false, important: false })).toBe("eliminate");
  });
});

describe("assignment ranking", () => {
  const member = (overrides: Partial<MemberItem>): MemberItem =>
    ({
      agencyId: "agy_x",
      memberId: "mem_x",
      email: "x@example.com",
      name: "X",
      role: "subcontractor",
      skills: [],
      timeZone: "Europe/London",
      weeklyCapacityHours: 40,
      status: "active",
      locale: "en",
      reviewer: false,
      emailNotifications: true,
      qaApproved: 0,
      qaFirstPass: 0,
      qaReturns: 0,
      createdAt: "",
      updatedAt: "",
      version: 1,
      ...overrides,
    }) as MemberItem;
  // Monday 2026-11-23 09:00 London; due Friday 17:00 London.
  const now = new Date("2026-11-23T09:00:00Z");
  const task = { taskId: "tsk_new", skills: ["Bookkeeping"], estimateMinutes: 240, dueAt: "2026-11-27T17:00:00Z" };

  it("prefers the right skills, then free capacity, working time before the due date and QA record", () => {
    const ranked = Task.rank(
      task,
      [
        { member: member({ memberId: "mem_a", name: "No skill", skills: ["Design"] }), openTasks: [] },
        { member: member({ memberId: "mem_b", name: "Skilled", skills: ["bookkeeping"], qaApproved: 4, qaFirstPass: 4 }), openTasks: [] },
        {
          member: member({ memberId: "mem_c", name: "Skilled but full", skills: ["Bookkeeping"], weeklyCapacityHours: 10 }),
          openTasks: [{ taskId: "t1", estimateMinutes: 600, dueAt: "2026-11-25T12:00:00Z", status: "in_progress" }],
        },
      ],
      now,
    );
    expect(ranked.map((c) => c.member.name)).toEqual(["Skilled", "Skilled but full", "No skill"]);
    expect(ranked[0]).toMatchObject({ skillMatch: 1, matchedSkills: ["Bookkeeping"], remainingHours: 40, workingHoursBeforeDue: 40, firstPassRate: 1, fits: true });
    expect(ranked[1]).toMatchObject({ committedHours: 10, remainingHours: 0, fits: false });
  });

  it("counts working hours in the member's own time zone", () => {
    const [sydney] = Task.rank(task, [{ member: member({ timeZone: "Australia/Sydney" }), openTasks: [] }], now);
    const [london] = Task.rank(task, [{ member: member({ timeZone: "Europe/London" }), openTasks: [] }], now);
    // By Friday 17:00 London (Saturday 04:00 Sydney), Sydney has already finished its Monday.
    expect(sydney!.workingHoursBeforeDue).toBeLessThan(london!.workingHoursBeforeDue);
    expect(london!.workingHoursBeforeDue).toBe(40);
  });
});
