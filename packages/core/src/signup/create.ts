import { withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { MemberStore } from "../member/store.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError } from "../error/index.ts";
import { createId } from "../id/index.ts";
import type { WorkingWeek } from "../business-hours/index.ts";
import { hasTeamAccount } from "./accounts.ts";
import { hashOf, usable } from "./links.ts";

export type NewAgency = {
  token: string;
  agencyName: string;
  ownerName: string;
  timeZone: string;
  currency: string;
  workingWeek: Omit<WorkingWeek, "holidays">;
};

/**
 * Makes the agency and its owner from a verified link, in one transaction that also marks the
 * link used (on condition it was unused and unexpired): two tabs completing the same link make one
 * agency. The agency, member, claim and audit items are built by their own areas.
 */
export async function createFromLink(input: NewAgency): Promise<{ agencyId: string; memberId: string }> {
  const tokenHash = hashOf(input.token);
  const now = Math.floor(Date.now() / 1000);
  const link = usable((await db.entities.signupLink.get({ tokenHash }).go({ consistent: true })).data, now);
  // The address may have joined a team since it asked; it signs in instead (it proved it owns the address).
  if (await hasTeamAccount(link.email)) {
    throw new VisibleError("conflict", "signup.account_exists", "This address already has an account. Sign in instead.");
  }
  const agencyId = createId("agency");
  const memberId = createId("member");
  const week = input.workingWeek;
  const result = await withActor({ type: "system", agencyId }, () =>
    db.transaction
      .write(({ signupLink, ...tx }) => [
        signupLink
          .patch({ tokenHash })
          .set({ usedAt: new Date().toISOString(), agencyId })
          .where((attr, op) => `${op.notExists(attr.usedAt)} AND ${op.gt(attr.expiresAt, now)}`)
          .commit(),
        AgencyStore.createItem(tx, {
          agencyId,
          name: input.agencyName,
          timeZone: input.timeZone,
          currency: input.currency,
          workingDays: [...week.days].sort(),
          workingStart: week.start,
          workingEnd: week.end,
        }),
        MemberStore.createItem(tx, {
          agencyId,
          memberId,
          role: "owner",
          status: "active",
          email: link.email,
          name: input.ownerName,
          timeZone: input.timeZone,
          locale: link.locale,
          weeklyCapacityHours: 40,
        }),
        Uniqueness.claimItem(tx, { agencyId, scope: "login-email", value: link.email, ownerId: memberId }),
        Audit.item(tx, Audit.event("agency.created", "agency", agencyId, { name: input.agencyName, via: "signup" })),
      ])
      .go(),
  );
  if (failedConditions(result).length) {
    // Someone used the link a moment ago (or it just expired): say which.
    usable((await db.entities.signupLink.get({ tokenHash }).go({ consistent: true })).data, Math.floor(Date.now() / 1000));
    throw new VisibleError("conflict", "agency.exists", "The agency could not be created; try again.");
  }
  return { agencyId, memberId };
}
