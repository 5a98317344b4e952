import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { TaskStore } from "@baton/core/task/store";
import { createAgency } from "../support/fixtures.ts";

// The client board reads a client's open work and its latest done tasks in one query of the
// client's own gsi4 partition (open tasks sort before closed ones), in pages sized to what is
// still missing. Whatever the page sizes, it must give every open task, the `doneLimit` done
// tasks due last, and say whether there are more done ones.

let agencyId: string;
const day = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString();
let serial = 0;
const taskId = () => `tsk_01jb${String(++serial).padStart(22, "0")}`;

async function write(clientId: string, state: "open" | "closed", dueDay: number) {
  const task = {
    agencyId,
    taskId: taskId(),
    requestId: "req_01jbaaaaaaaaaaaaaaaaaaaaaa",
    clientId,
    reference: `T-${serial}`,
    title: `Task ${serial}`,
    estimateMinutes: 60,
    dueAt: day(dueDay),
    status: state === "open" ? ("todo" as const) : ("done" as const),
    state,
  };
  await db.entities.task.create(task).go();
  return task;
}

beforeAll(async () => {
  agencyId = (await createAgency("Board Paging Agency")).agencyId;
});

describe("a client's work for its board (TaskStore.workOfClient)", () => {
  it("gives every open task past the first page's room, and only the latest done ones", async () => {
    const clientId = "cli_01jbpagingaaaaaaaaaaaaaaa";
    // More open tasks than the first page makes room for beside three done ones, due in a mixed order.
    const open = [];
    for (let i = 0; i < 36; i++) open.push(await write(clientId, "open", (i * 7) % 36));
    const done = [];
    for (let i = 0; i < 6; i++) done.push(await write(clientId, "closed", -10 - i));
    // Another client's work never shows.
    await write("cli_01jbotheraaaaaaaaaaaaaaaaa", "open", 1);
    await write("cli_01jbotheraaaaaaaaaaaaaaaaa", "closed", 1);

    const work = await TaskStore.workOfClient(agencyId, clientId, 3);
    expect(new Set(work.open.map((t) => t.taskId))).toEqual(new Set(open.map((t) => t.taskId)));
    // The three done tasks due last (day -10, -11, -12), newest first.
    expect(work.done.map((t) => t.taskId)).toEqual(done.slice(0, 3).map((t) => t.taskId));
    expect(work.moreDone).toBe(true);

    const all = await TaskStore.workOfClient(agencyId, clientId, 6);
    expect(all.done.map((t) => t.taskId)).toEqual(done.map((t) => t.taskId));
    expect(all.open).toHaveLength(36);
  });

  it("says there are no more done tasks when it holds them all, and copes with none at all", async () => {
    const clientId = "cli_01jbfewaaaaaaaaaaaaaaaaaa";
    const open = await write(clientId, "open", 3);
    const done = await write(clientId, "closed", -1);
    const work = await TaskStore.workOfClient(agencyId, clientId, 3);
    expect(work.open.map((t) => t.taskId)).toEqual([open.taskId]);
    expect(work.done.map((t) => t.taskId)).toEqual([done.taskId]);
    expect(work.moreDone).toBe(false);

    const empty = await TaskStore.workOfClient(agencyId, "cli_01jbnoneaaaaaaaaaaaaaaaaa", 3);
    expect(empty).toEqual({ open: [], done: [], moreDone: false });
  });
});
