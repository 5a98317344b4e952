import { z } from "zod";
import { useAgencyId, withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { currency, email, personName, timeZone } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import type { AgencyItem } from "./entity.ts";

export * as Agency from "./index.ts";

export type Agency = { id: string; name: string; timeZone: string; currency: string };

export function present(item: AgencyItem): Agency {
  return { id: item.agencyId, name: item.name, timeZone: item.timeZone, currency: item.currency };
}

export const createSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone,
  currency,
  owner: z.strictObject({ email, name: personName, timeZone }),
});

/**
 * Creates an agency with its owner, who can sign in at once. Not reachable over HTTP: run by the
 * local demo seed and by `npm run create-agency` after a deploy.
 */
export const create = fn(createSchema, async (input): Promise<{ agencyId: string; ownerId: string }> => {
  const agencyId = createId("agency");
  const ownerId = createId("member");
  return withActor({ type: "system", agencyId }, async () => {
    const result = await db.transaction
      .write(({ agency, member, uniqueness, auditEvent }) => [
        agency.create({ agencyId, name: input.name, timeZone: input.timeZone, currency: input.currency }).commit(),
        member
          .create({
            agencyId,
            memberId: ownerId,
            role: "owner",
            status: "active",
            email: input.owner.email,
            name: input.owner.name,
            timeZone: input.owner.timeZone,
            weeklyCapacityHours: 40,
          })
          .commit(),
        uniqueness.create({ agencyId, scope: "login-email", value: input.owner.email, ownerId }).commit(),
        auditEvent.create(Audit.event("agency.created", "agency", agencyId, { name: input.name })).commit(),
      ])
      .go();
    if (failedConditions(result).length) {
      throw new VisibleError("conflict", "agency.exists", "The agency could not be created; try again.");
    }
    return { agencyId, ownerId };
  });
});

/** The agency of whoever is acting. */
export async function current(): Promise<Agency> {
  const result = await db.entities.agency.get({ agencyId: useAgencyId() }).go();
  if (!result.data) throw notFound("Agency");
  return present(result.data);
}
