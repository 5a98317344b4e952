import { forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { Brand } from "../agency/brand/index.ts";
import { invitationAttachment } from "../calendar/invite.ts";
import { Email } from "../email/index.ts";
import { invitationEmail } from "../email/templates/invitation.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { isId } from "../id/index.ts";
import { MemberStore } from "../member/store.ts";
import { Notify } from "../notify/index.ts";
import { TaskStore } from "../task/store.ts";
import { UNASSIGNED } from "../task/entity.ts";
import { addDays } from "@baton/kernel/dates";
import { zonedParts } from "@baton/kernel/time";

// "Send to calendar": a task's due date as an invitation to its assignee, sent by the owner or by
// the assignee themselves. A deadline at the very end of a day (00:00 or 23:59 on the assignee's
// clock) is that day, all day; any other is a half-hour event ending at the deadline.

const DEADLINE_MINUTES = 30;

const pad = (n: number) => String(n).padStart(2, "0");

/** The due date as the event it is for someone in `timeZone`: a whole day, or a timed half hour before it. */
export function dueEvent(dueAt: string, timeZone: string): { date: string } | { start: string; end: string } {
  const local = zonedParts(new Date(dueAt), timeZone);
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  if (local.hour === 0 && local.minute === 0) return { date: addDays(date, -1) };
  if (local.hour === 23 && local.minute === 59) return { date };
  return { start: new Date(Date.parse(dueAt) - DEADLINE_MINUTES * 60_000).toISOString(), end: dueAt };
}

export async function sendTaskDue(taskId: string): Promise<{ uid: string; to: string }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type !== "member") throw forbidden();
  const task = isId("task", taskId) ? await TaskStore.load(actor.agencyId, taskId) : null;
  // A subcontractor sees only their own tasks: any other is not there for them.
  if (!task || (actor.role !== "owner" && task.assigneeId !== actor.memberId)) throw notFound("The task");
  if (task.assigneeId === UNASSIGNED) throw new VisibleError("conflict", "task.unassigned", "Assign the task first: the invitation goes to its assignee.");
  const [agency, brand, sender, assignee] = await Promise.all([
    Agency.current(),
    Brand.emailBrand(actor.agencyId),
    MemberStore.load(actor.agencyId, actor.memberId),
    MemberStore.load(actor.agencyId, task.assigneeId),
  ]);
  if (!sender) throw unauthenticated();
  if (!assignee || assignee.status === "removed") throw new VisibleError("conflict", "task.unassigned", "Assign the task first: the invitation goes to its assignee.");

  const when = dueEvent(task.dueAt, assignee.timeZone);
  const uid = `due-${task.taskId}@baton`;
  const url = Notify.links.webTask(task.taskId);
  const summary = `${task.reference}: ${task.title}`;
  const attachment = invitationAttachment({
    uid,
    stamp: new Date().toISOString(),
    ...("date" in when ? { start: { date: when.date }, end: { date: addDays(when.date, 1) } } : { start: { at: when.start }, end: { at: when.end } }),
    summary,
    url,
    organizer: { name: sender.name, email: sender.email },
    attendees: [{ name: assignee.name, email: assignee.email }],
    // Sent again after the due date moved, the same event is updated rather than added twice.
    sequence: Math.floor(Date.now() / 1000),
  });
  await Email.later([
    {
      to: assignee.email,
      email: invitationEmail({
        locale: assignee.locale,
        timeZone: assignee.timeZone,
        kind: "taskDue",
        title: summary,
        when: "date" in when ? { date: when.date } : { start: when.start, end: when.end },
        organizer: sender.name,
        agency: brand?.name ?? agency.name,
        others: [],
        url,
        attachment,
        brand,
      }),
    },
  ]);
  return { uid, to: assignee.name };
}
