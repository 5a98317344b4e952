import { deleteAll } from "../client-data/batch.ts";
import { db } from "../db/index.ts";

/** Frees the sign-in addresses of people erased with their client. */
export async function releaseLoginEmails(agencyId: string, emails: string[]): Promise<void> {
  await deleteAll(db.entities.uniqueness, emails.map((value) => ({ agencyId, scope: "login-email" as const, value })));
}
