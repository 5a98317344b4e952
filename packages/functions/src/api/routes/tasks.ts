import { Hono } from "hono";
import { whole } from "@baton/core/fields";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow, check } from "../access.ts";
import { Task } from "@baton/core/task";
import { Meeting } from "@baton/core/meeting";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Tasks"];

export const taskRoutes = new Hono()
  .get("/board", describeRoute({ responses: ok(Task.boardOutput), tags, summary: "Kanban board of one client's or every client's tasks (owner)" }), allow("owner"), input("query", Task.board.schema), async (c) =>
    c.json(await Task.board(c.req.valid("query")), 200),
  )
  .get("/mine", describeRoute({ responses: ok(Task.listOutput), tags, summary: "My open work (team member)" }), allow(["owner", "subcontractor"]), async (c) => c.json(whole(await Task.mine()), 200))
  .get("/qa", describeRoute({ responses: ok(Task.listOutput), tags, summary: "The QA queue (owner and reviewers)" }), allow(["owner", "subcontractor"]), async (c) => c.json(whole(await Task.qaQueue()), 200))
  .get("/deadlines", describeRoute({ responses: ok(Task.deadlinesOutput), tags, summary: "Every open task by due date (owner)" }), allow("owner"), async (c) => c.json(await Task.deadlines(), 200))
  .get("/workload", describeRoute({ responses: ok(Task.workloadOutput), tags, summary: "Each member's load per week (owner)" }), allow("owner"), input("query", Task.workload.schema), async (c) =>
    c.json(await Task.workload(c.req.valid("query")), 200),
  )
  .get("/:taskId", describeRoute({ responses: ok(Task.detailOutput), tags, summary: "A task with its request, client and pinned SOP version" }), allow(["owner", "subcontractor"]), pathIds("taskId"), async (c) =>
    c.json(await Task.get(c.req.param("taskId")), 200),
  )
  .get("/:taskId/candidates", describeRoute({ responses: ok(Task.candidatesOutput), tags, summary: "Team members ranked for this task (owner)" }), allow("owner"), pathIds("taskId"), async (c) =>
    c.json(whole(await Task.candidates(c.req.param("taskId"))), 200),
  )
  .post(
    "/:taskId/assign",
    describeRoute({ responses: ok(Task.detailOutput), tags, summary: "Assign or reassign the task (owner)" }), allow("owner"),
    pathIds("taskId"),
    input("json", Task.assign.schema),
    async (c) => c.json(await Task.assign(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .post(
    "/:taskId/checklist/:itemId",
    describeRoute({ responses: ok(Task.detailOutput), tags, summary: "Tick or untick a checklist step (assignee or owner)" }), allow(["owner", "subcontractor"]),
    check((c) => Task.assertMayAct(c.req.param("taskId")!, "tick")),
    pathIds("taskId", "itemId"),
    input("json", Task.tick.schema),
    async (c) => c.json(await Task.tick(c.req.valid("json"), c.req.param("taskId"), c.req.param("itemId")), 200),
  )
  .post(
    "/:taskId/submit",
    describeRoute({ responses: ok(Task.detailOutput), tags, summary: "Submit the deliverable for QA (assignee)" }), allow(["owner", "subcontractor"]),
    check((c) => Task.assertMayAct(c.req.param("taskId")!, "submit")),
    pathIds("taskId"),
    input("json", Task.submit.schema),
    async (c) => c.json(await Task.submit(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .post(
    "/:taskId/review",
    describeRoute({ responses: ok(Task.detailOutput), tags, summary: "QA review: approve or return with changes (owner or reviewer)" }), allow(["owner", "subcontractor"]),
    check((c) => Task.assertMayAct(c.req.param("taskId")!, "qa_approve")),
    pathIds("taskId"),
    input("json", Task.review.schema),
    async (c) => c.json(await Task.review(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .post(
    "/:taskId/approve",
    describeRoute({ responses: ok(Task.clientOutput, "The task as its client sees it"), tags, summary: "Approve the deliverable (client contact)" }), allow("contact"),
    check((c) => Task.assertMayAct(c.req.param("taskId")!, "client_approve")),
    pathIds("taskId"),
    input("json", Task.clientApprove.schema),
    async (c) => c.json(await Task.clientApprove(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .post(
    "/:taskId/revision",
    describeRoute({ responses: ok(Task.clientOutput, "The task as its client sees it"), tags, summary: "Ask for a revision with a comment (client contact)" }), allow("contact"),
    check((c) => Task.assertMayAct(c.req.param("taskId")!, "client_revision")),
    pathIds("taskId"),
    input("json", Task.clientRevision.schema),
    async (c) => c.json(await Task.clientRevision(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .post(
    "/:taskId/calendar-invitation",
    describeRoute({ responses: ok(Meeting.taskInvitationOutput), tags, summary: "Email the assignee the due date as a calendar invitation (.ics) (owner, or the assignee)" }), allow(["owner", "subcontractor"]),
    pathIds("taskId"),
    async (c) => c.json(await Meeting.sendTaskDue(c.req.param("taskId")), 200),
  );
