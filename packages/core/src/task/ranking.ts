import { assertOwner } from "../actor/index.ts";
import { businessHoursBetween, startOfWeek } from "../business-hours/index.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { isId } from "../id/index.ts";
import type { MemberItem } from "../member/entity.ts";
import type { TaskItem } from "./entity.ts";
import { MemberStore } from "../member/store.ts";

// Who should take a task: the assign dialog's ranking. A pure scoring rule over facts read
// once per call, so it can be tested without a database.

export type Candidate = {
  member: { id: string; name: string; role: MemberItem["role"]; timeZone: string; skills: string[] };
  score: number;
  /** Share of the task's skills the member has (1 when the task names none). */
  skillMatch: number;
  matchedSkills: string[];
  weeklyCapacityHours: number;
  /** Hours of open, assigned work due this week, and what is left of the week's capacity. */
  committedHours: number;
  remainingHours: number;
  /** Working hours in the member's own time zone (Mon–Fri 09–17) between now and the due date. */
  workingHoursBeforeDue: number;
  /** Approved at the first QA review, of all QA-approved tasks; null before the first. */
  firstPassRate: number | null;
  /** Enough capacity and working time before the due date for the estimate. */
  fits: boolean;
};

export type CandidateFacts = {
  member: MemberItem;
  /** Open tasks assigned to the member. */
  openTasks: ReadonlyArray<Pick<TaskItem, "taskId" | "estimateMinutes" | "dueAt" | "status">>;
};

const WEIGHTS = { skill: 0.4, capacity: 0.25, time: 0.2, quality: 0.15 };
/** A member with no QA history yet is scored as a typical one. */
const PRIOR_FIRST_PASS = 0.75;

export function rank(task: Pick<TaskItem, "taskId" | "skills" | "estimateMinutes" | "dueAt">, facts: CandidateFacts[], now = new Date()): Candidate[] {
  const wanted = (task.skills ?? []).map((skill) => skill.toLowerCase());
  const estimate = task.estimateMinutes / 60;
  const due = new Date(task.dueAt);
  return facts
    .map(({ member, openTasks }) => {
      const has = new Set((member.skills ?? []).map((skill) => skill.toLowerCase()));
      const matchedSkills = (task.skills ?? []).filter((skill) => has.has(skill.toLowerCase()));
      const skillMatch = wanted.length ? matchedSkills.length / wanted.length : 1;
      const weekStart = startOfWeek(now, member.timeZone).getTime();
      const weekEnd = weekStart + 7 * 24 * 3600_000;
      const committedHours =
        openTasks
          .filter((open) => open.taskId !== task.taskId && open.status !== "client_review" && Date.parse(open.dueAt) < weekEnd)
          .reduce((sum, open) => sum + open.estimateMinutes, 0) / 60;
      const remainingHours = member.weeklyCapacityHours - committedHours;
      const workingHoursBeforeDue = businessHoursBetween(now, due, member.timeZone);
      const approved = member.qaApproved ?? 0;
      const firstPassRate = approved ? (member.qaFirstPass ?? 0) / approved : null;
      const need = Math.max(estimate, 0.25);
      const score =
        WEIGHTS.skill * skillMatch +
        WEIGHTS.capacity * clamp(remainingHours / need) +
        WEIGHTS.time * clamp(workingHoursBeforeDue / need) +
        WEIGHTS.quality * (firstPassRate ?? PRIOR_FIRST_PASS);
      return {
        member: { id: member.memberId, name: member.name, role: member.role, timeZone: member.timeZone, skills: member.skills ?? [] },
        score: Math.round(score * 1000) / 1000,
        skillMatch,
        matchedSkills,
        weeklyCapacityHours: member.weeklyCapacityHours,
        committedHours: round(committedHours),
        remainingHours: round(remainingHours),
        workingHoursBeforeDue: round(workingHoursBeforeDue),
        firstPassRate,
        fits: remainingHours >= estimate && workingHoursBeforeDue >= estimate,
      };
    })
    .sort((a, b) => b.score - a.score || a.member.name.localeCompare(b.member.name));
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));
const round = (value: number) => Math.round(value * 100) / 100;

/** The open work of every current member, one query each (teams are small). */
export async function teamFacts(agencyId: string): Promise<CandidateFacts[]> {
  const members = (await MemberStore.ofAgency(agencyId)).filter(
    (member) => member.status !== "removed",
  );
  return Promise.all(
    members.map(async (member) => ({
      member,
      openTasks: (
        await db.entities.task.query.tasksOfAssignee({ agencyId, assigneeId: member.memberId, state: "open" }).go({ pages: "all" })
      ).data,
    })),
  );
}

/** Ranked candidates for a task (owner). */
export async function candidates(taskId: string): Promise<Candidate[]> {
  const agencyId = assertOwner();
  const task = isId("task", taskId) ? (await db.entities.task.get({ agencyId, taskId }).go()).data : null;
  if (!task) throw notFound("Task");
  return candidatesFor(task, await teamFacts(agencyId));
}

export function candidatesFor(task: TaskItem, facts: CandidateFacts[]): Candidate[] {
  return rank(task, facts);
}
