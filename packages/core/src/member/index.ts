import { z } from "zod";
import { assertOwner, assertOwnerInPerson, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { issueLink } from "../auth/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { currency, email, minorAmount, pageQuery, personName, timeZone, version, type Page, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import type { MemberItem } from "./entity.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { Brand } from "../agency/brand/index.ts";

export * as Member from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { MemberRoles, MemberStatuses, Locales, type MemberItem } from "./entity.ts";

export type Member = {
  id: string;
  email: string;
  name: string;
  role: MemberItem["role"];
  skills: string[];
  timeZone: string;
  weeklyCapacityHours: number;
  status: MemberItem["status"];
  locale: MemberItem["locale"];
  reviewer: boolean;
  /** Cost per hour in minor units of the agency's currency (only the owner reads members). */
  costRate: number | null;
  /** The currency the cost rate (and so the member's payouts) is in; null: the agency's. */
  costCurrency: string | null;
  /** QA first-pass rate (approved at the first review) and average returns per approved task. */
  qa: { approved: number; firstPassRate: number | null; averageReturns: number | null };
  /** SES reported the address bouncing for good or complaining: Baton no longer emails it. */
  undeliverable: { reason: "bounce" | "complaint"; at: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export function present(item: MemberItem): Member {
  return {
    id: item.memberId,
    email: item.email,
    name: item.name,
    role: item.role,
    skills: item.skills ?? [],
    timeZone: item.timeZone,
    weeklyCapacityHours: item.weeklyCapacityHours,
    status: item.status,
    locale: item.locale,
    reviewer: item.role === "owner" || Boolean(item.reviewer),
    costRate: item.costRate ?? null,
    costCurrency: item.costCurrency ?? null,
    qa: qaMetrics(item),
    undeliverable: item.undeliverable ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export function qaMetrics(item: Pick<MemberItem, "qaApproved" | "qaFirstPass" | "qaReturns">) {
  const approved = item.qaApproved ?? 0;
  return {
    approved,
    firstPassRate: approved ? (item.qaFirstPass ?? 0) / approved : null,
    averageReturns: approved ? (item.qaReturns ?? 0) / approved : null,
  };
}

const skills = z
  .array(z.string().trim().min(1, "Skills cannot be blank.").max(40, "Keep each skill under 40 characters."), {
    error: "Skills must be a list of words.",
  })
  .max(30, "List at most 30 skills.")
  .transform(dedupeCaseInsensitive);

const weeklyCapacityHours = z
  .number({ error: "Enter the weekly capacity in hours." })
  .min(0, "Capacity cannot be negative.")
  .max(80, "Capacity is at most 80 hours a week.")
  .multipleOf(0.5, "Use whole or half hours.");

export const inviteSchema = z.strictObject({
  email,
  name: personName,
  skills: skills.default([]),
  timeZone,
  weeklyCapacityHours,
  costRate: minorAmount.optional(),
});

export const updateSchema = z.strictObject({
  version,
  name: personName.optional(),
  skills: skills.optional(),
  timeZone: timeZone.optional(),
  weeklyCapacityHours: weeklyCapacityHours.optional(),
  reviewer: z.boolean({ error: "Choose whether they review QA." }).optional(),
  costRate: minorAmount.nullable().optional(),
  costCurrency: currency.nullable().optional(),
});

export const list = fn(pageQuery, async (page: PageQuery): Promise<Page<Member>> => {
  const agencyId = assertOwner();
  const result = await db.entities.member.query
    .membersOfAgency({ agencyId })
    .go({ limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

async function load(agencyId: string, memberId: string): Promise<MemberItem | null> {
  if (!isId("member", memberId)) return null;
  const result = await db.entities.member.get({ agencyId, memberId }).go({ consistent: true });
  return result.data;
}

export async function get(memberId: string): Promise<Member> {
  const item = await load(assertOwner(), memberId);
  if (!item) throw notFound("Team member");
  return present(item);
}

/** Adds a subcontractor and emails them an invitation link to the team app. */
export const invite = fn(inviteSchema, async (input): Promise<Member> => {
  const agencyId = assertOwnerInPerson();
  const memberId = createId("member");
  const result = await db.transaction
    .write(({ member, ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "login-email", value: input.email, ownerId: memberId }),
      member
        .create({ agencyId, memberId, role: "subcontractor", status: "invited", ...input })
        .commit(),
      Audit.item(tx, Audit.event("member.invited", "member", memberId, { email: input.email })),
    ])
    .go();
  if (failedConditions(result).includes(0)) {
    throw new VisibleError("conflict", "member.exists", "Someone in your agency already signs in with this email.", {
      fields: { email: "Someone in your agency already signs in with this email." },
    });
  }
  const member = await load(agencyId, memberId);
  await sendInvitation(member!);
  return present(member!);
});

export async function resendInvitation(memberId: string): Promise<void> {
  const member = await load(assertOwnerInPerson(), memberId);
  if (!member) throw notFound("Team member");
  if (member.status !== "invited") {
    throw new VisibleError("rule", "member.not_invited", "This person has already joined, so there is no invitation to resend.");
  }
  await sendInvitation(member);
}

async function sendInvitation(member: MemberItem) {
  const [agency, url] = await Promise.all([
    Identity.agency(member.agencyId),
    issueLink({ agencyId: member.agencyId, type: "member", id: member.memberId }, "invitation"),
  ]);
  const brand = agency ? Brand.emailBrandOf(agency) : null;
  // Kept in the outbox and sent after the response (no SES in the request).
  await Email.later([
    { to: member.email, email: Email.invitation({ locale: member.locale, kind: "member", agency: brand?.name ?? "", name: member.name, url, brand }) },
  ]);
}

export const update = fn(updateSchema, async ({ version: expected, costRate, costCurrency, ...changes }, memberId: string): Promise<Member> => {
  const agencyId = assertOwnerInPerson();
  if (!isId("member", memberId)) throw notFound("Team member");
  const result = await db.transaction
    .write(({ member, ...tx }) => [
      member
        .patch({ agencyId, memberId })
        .set({ ...changes, ...(typeof costRate === "number" ? { costRate } : {}), ...(typeof costCurrency === "string" ? { costCurrency } : {}) })
        .remove([...(costRate === null ? (["costRate"] as const) : []), ...(costCurrency === null ? (["costCurrency"] as const) : [])])
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event("member.updated", "member", memberId, { fields: Object.keys({ ...changes, ...(costRate !== undefined ? { costRate } : {}), ...(costCurrency !== undefined ? { costCurrency } : {}) }) })),
    ])
    .go();
  const current = await load(agencyId, memberId);
  if (failedConditions(result).length) throw staleWrite("Team member", current && present(current));
  return present(current!);
});

/** Takes away a member's access; their history stays. The owner cannot remove themselves. */
export async function remove(memberId: string): Promise<Member> {
  const agencyId = assertOwnerInPerson();
  const actor = useActor();
  if (actor.type === "member" && actor.memberId === memberId) {
    throw new VisibleError("rule", "member.cannot_remove_self", "You cannot remove yourself from the agency.");
  }
  const existing = await load(agencyId, memberId);
  if (!existing) throw notFound("Team member");
  if (existing.role === "owner") {
    throw new VisibleError("rule", "member.cannot_remove_owner", "The agency owner cannot be removed.");
  }
  const result = await db.transaction
    .write(({ member, ...tx }) => [
      member
        .patch({ agencyId, memberId })
        .set({ status: "removed" })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, existing.version))
        .commit(),
      // Frees the email so the person can be invited again later.
      Uniqueness.releaseItem(tx, { agencyId, scope: "login-email", value: existing.email }),
      Audit.item(tx, Audit.event("member.removed", "member", memberId)),
    ])
    .go();
  const current = await load(agencyId, memberId);
  if (failedConditions(result).length) throw staleWrite("Team member", current && present(current));
  return present(current!);
}

function dedupeCaseInsensitive(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
