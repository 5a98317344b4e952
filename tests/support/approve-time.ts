import type { World } from "./world.ts";

// Only approved time is invoiced (issue 17, part 2): tests about invoicing a subcontractor's time
// have them submit the weeks of their entries and the owner approve those entries first.

/** The subcontractor submits the weeks of `entries`, and the owner approves them. */
export async function approveTime(world: World, entries: ReadonlyArray<{ id: string; startedAt: string }>): Promise<void> {
  const me = await world.sub.get("/me");
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: me.body.timeZone });
  for (const date of new Set(entries.map((entry) => day.format(new Date(entry.startedAt))))) {
    const submitted = await world.sub.post("/time/week/submit", { date });
    if (submitted.status !== 200 && submitted.body?.error?.code !== "time.nothing_to_submit") throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }
  const approved = await world.owner.post("/time/approvals/approve", { entryIds: entries.map((entry) => entry.id) });
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`);
}
