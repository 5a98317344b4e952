import { withActor } from "../actor/index.ts";
import type { AgencyItem } from "../agency/entity.ts";
import { Audit } from "../audit/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { Config } from "../config/index.ts";
import type { ContactItem } from "../contact/entity.ts";
import { db } from "../db/index.ts";
import { Email } from "../email/index.ts";
import { weeklyDigest } from "../email/templates/digest.ts";
import { Job } from "../job/index.ts";
import { Notify } from "../notify/index.ts";
import { wants } from "../notify/preferences.ts";
import { agencyWork, contentFor, hasNews, requestUrl, type AgencyWork, type DigestContent } from "./content.ts";
import { digestWeekOf, isDue, type DigestWeek } from "./timing.ts";
import { Log } from "../log/index.ts";
import { ClientStore } from "../client/store.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { Brand } from "../agency/brand/index.ts";

// The weekly status digest job. Every 15-minute run walks the agencies and their active clients;
// a client whose Monday 09:00 has come (in its own zone, within the catch-up day) and whose week
// is not yet claimed gets its digest. The claim is a `uniqueness` item (client + local Monday)
// created with attribute_not_exists in the same transaction as the audit event, so however many
// runs race, one sends it.
//
// Who gets one: every active contact who wants the digest (notify/preferences.ts), in their own language and
// time zone. A week with nothing done, in progress or awaiting approval is still reported to a
// retainer client (the hours used are news every week); any other client is spared the empty
// email, and its week is claimed all the same (audit `digest.skipped`) so later runs don't read
// its work again.

const reachable = (contact: ContactItem) => contact.status === "active" && wants(contact, "digests");

export type WeeklyResult = { sent: number; skipped: number; failed: number };

export async function weekly(now = new Date()): Promise<WeeklyResult> {
  return Job.forEachAgency("weekly digests", { sent: 0, skipped: 0, failed: 0 }, (agency) => weeklyFor(agency, now));
}

/** One agency's digests (run as its system actor); a client that fails is logged and counted, the others go on. */
export async function weeklyFor(agency: AgencyItem, now: Date): Promise<WeeklyResult> {
  const { agencyId } = agency;
  const clients = await ClientStore.ofAgency(agencyId);
  const work = agencyWork(agencyId, now);
  const result: WeeklyResult = { sent: 0, skipped: 0, failed: 0 };
  for (const client of clients) {
    if (client.status !== "active" || !isDue(now, client.timeZone)) continue;
    const sent = await Job.isolated("weekly digest", { agencyId, clientId: client.clientId }, async () => {
      const week = digestWeekOf(now, client.timeZone);
      const claim = `${client.clientId}#${week.weekStart}`;
      if ((await Uniqueness.isClaimed({ agencyId, scope: "digest-week", value: claim }))) return null;
      return digestFor(agency, client, week, claim, now, work);
    });
    if (sent === Job.FAILED) result.failed++;
    else if (sent === null) continue; // Another run has this week.
    else if (sent > 0) result.sent += sent;
    else result.skipped++;
  }
  return result;
}

/** Claims and sends one client's week; the number of emails sent, or null if another run had the claim. */
async function digestFor(agency: AgencyItem, client: ClientItem, week: DigestWeek, claim: string, now: Date, work: AgencyWork): Promise<number | null> {
  const { agencyId, clientId } = client;
  const [content, contacts] = await Promise.all([contentFor(client, week, now, work), Notify.contactsOf(agencyId, clientId)]);
  const recipients = contacts.filter(reachable);
  const send = recipients.length > 0 && (hasNews(content) || content.retainer !== null);
  const result = await db.transaction
    .write(({ ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "digest-week", value: claim, ownerId: clientId }),
      Audit.item(tx,
          Audit.event(send ? "digest.sent" : "digest.skipped", "client", clientId, {
            week: week.weekStart,
            contacts: send ? recipients.map((contact) => contact.name) : [],
            done: content.done.length,
            inProgress: content.inProgress.length,
            awaiting: content.awaiting.length,
            ...(content.retainer ? { usedMinutes: content.retainer.usedMinutes } : {}),
          }),
        ),
    ])
    .go();
  if (result.canceled) return null;
  if (!send) return 0;
  // The week stays claimed even if an email fails: a digest is news of the moment, not worth a second one later.
  const { sent } = await Email.sendAll(
    recipients.map((contact) => ({ to: contact.email, email: render(agency, contact, week, content), ids: { contactId: contact.contactId } })),
    "digest",
  );
  return sent;
}

function render(agency: AgencyItem, contact: ContactItem, week: DigestWeek, content: DigestContent) {
  const brand = Brand.emailBrandOf(agency);
  const withUrl = <T extends { requestId: string }>(item: T) => ({ ...item, url: requestUrl(item.requestId) });
  return weeklyDigest({
    locale: contact.locale,
    timeZone: contact.timeZone,
    name: contact.name,
    agency: brand.name,
    weekStart: week.weekStart,
    done: content.done.map(withUrl),
    inProgress: content.inProgress.map(withUrl),
    awaiting: content.awaiting.map(withUrl),
    retainer: content.retainer,
    portalUrl: `${Config.portalUrl}/requests`,
    brand,
  });
}
