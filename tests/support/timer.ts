import { db } from "@baton/core/db";

/**
 * Moves a running timer's start `minutes` into the past, as if it had been running that long.
 * Written below the API (a timer's start is never edited through it): tests can't wait minutes.
 */
export async function backdateTimer(agencyId: string, memberId: string, minutes: number): Promise<void> {
  const { data } = await db.entities.timer.get({ agencyId, memberId }).go({ consistent: true });
  if (!data) throw new Error("no timer is running");
  await db.entities.timer.put({ ...data, startedAt: new Date(Date.parse(data.startedAt) - minutes * 60_000).toISOString() }).go();
}
