import { db } from "../db/index.ts";

/** Whether this address already signs in to the team app somewhere (a member not removed). */
export async function hasTeamAccount(email: string): Promise<boolean> {
  const logins = await db.collections.logins({ email }).go({ pages: "all" });
  return logins.data.member.some((member) => member.status !== "removed");
}
