import { db } from "../db/index.ts";

/**
 * When the client finished onboarding: its time, null while onboarding is under way, undefined
 * when it never started (a client the owner took on without it).
 */
export async function finishedAt(agencyId: string, clientId: string): Promise<string | null | undefined> {
  const item = (await db.entities.clientOnboarding.get({ agencyId, clientId }).go()).data;
  return item ? (item.completedAt ?? null) : undefined;
}
