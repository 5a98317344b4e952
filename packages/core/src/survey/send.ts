import { withActor } from "../actor/index.ts";
import { wants } from "../notify/preferences.ts";
import type { AgencyItem } from "../agency/entity.ts";
import { Audit } from "../audit/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { Config } from "../config/index.ts";
import type { ContactItem } from "../contact/entity.ts";
import { db } from "../db/index.ts";
import { Email } from "../email/index.ts";
import { createId } from "../id/index.ts";
import { Job } from "../job/index.ts";
import { Notify } from "../notify/index.ts";
import type { RequestItem } from "../request/entity.ts";
import { UNASSIGNED } from "../task/entity.ts";
import type { SurveyKind } from "./entity.ts";
import { DAY, LINK_DAYS, loadSettings, npsReady, SCALES, settingsOf, type Settings } from "./rules.ts";
import { signToken } from "./token.ts";
import { Log } from "../log/index.ts";
import { ClientStore } from "../client/store.ts";
import { ContactStore } from "../contact/store.ts";
import { TaskStore } from "../task/store.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { anyCompleted } from "../request/completed.ts";
import { finishedAt } from "../onboarding/finished.ts";

// Sending surveys: CSAT after a request is completed, NPS check-ins on a schedule. A contact
// gets at most one survey per `surveyQuietDays`: their `lastSurveyAt` is moved, on condition, in
// the transaction that creates the survey, so two senders can never both pass the rule.

/** Recipients of one check-in at most (a DynamoDB transaction holds 100 writes; each takes two). */
const MAX_RECIPIENTS = 40;

const reachable = (contact: ContactItem | null | undefined): contact is ContactItem =>
  Boolean(contact) && contact!.status === "active" && wants(contact!, "surveys");

const quietSince = (contact: ContactItem, cutoff: string) => !contact.lastSurveyAt || contact.lastSurveyAt <= cutoff;

type Plan = {
  agencyId: string;
  settings: Settings;
  kind: SurveyKind;
  client: ClientItem;
  /** Claimed once (uniqueness scope "survey"): the request for CSAT, client + period for NPS. */
  claim: string;
  recipients: ContactItem[];
  request?: { requestId: string; reference: string; title: string; memberIds: string[] };
  now: Date;
};

export function surveyUrl(token: string, score?: number): string {
  return `${Config.portalUrl}/survey/${encodeURIComponent(token)}${score === undefined ? "" : `?score=${score}`}`;
}

/**
 * Creates one survey per recipient who has not been surveyed within the quiet days, with the
 * plan's claim, in one transaction; then emails them. Answers how many were sent.
 */
async function sendSurveys(plan: Plan): Promise<number> {
  const { agencyId, settings, kind, client, now } = plan;
  const sentAt = now.toISOString();
  const closesAt = new Date(now.getTime() + LINK_DAYS * DAY);
  const cutoff = new Date(now.getTime() - settings.quietDays * DAY).toISOString();
  let recipients = plan.recipients.filter((contact) => quietSince(contact, cutoff)).slice(0, MAX_RECIPIENTS);
  for (let attempt = 0; attempt < 3 && recipients.length; attempt++) {
    const surveys = recipients.map((contact) => ({ contact, surveyId: createId("survey") }));
    const result = await db.transaction
      .write(({ survey, ...tx }) => [
        Uniqueness.claimItem(tx, { agencyId, scope: "survey", value: plan.claim, ownerId: surveys[0]!.surveyId }),
        ...surveys.flatMap(({ contact: person, surveyId }) => [
          survey
            .create({
              agencyId,
              surveyId,
              kind,
              clientId: client.clientId,
              contactId: person.contactId,
              contactName: person.name,
              ...(plan.request
                ? { requestId: plan.request.requestId, requestReference: plan.request.reference, requestTitle: plan.request.title, memberIds: plan.request.memberIds }
                : {}),
              sentAt,
              closesAt: closesAt.toISOString(),
            })
            .commit(),
          ContactStore.surveyedItem(tx, agencyId, person.contactId, sentAt, cutoff),
        ]),
        Audit.item(tx,
            Audit.event("survey.sent", "client", client.clientId, {
              kind,
              contacts: recipients.map((person) => person.name),
              ...(plan.request ? { reference: plan.request.reference } : {}),
            }),
          ),
      ])
      .go();
    if (!result.canceled) {
      await Email.sendAll(
        surveys.map(({ contact, surveyId }) => ({ to: contact.email, email: render(plan, contact, signToken(agencyId, surveyId, closesAt)), ids: { contactId: contact.contactId } })),
        `survey: ${kind}`,
      );
      return surveys.length;
    }
    // Either another run holds the claim (then this survey is theirs) or someone was surveyed
    // meanwhile: read again and send to whoever is still due.
    const claimed = await Uniqueness.isClaimed({ agencyId, scope: "survey", value: plan.claim }, { consistent: true });
    if (claimed) return 0;
    const fresh = await Promise.all(recipients.map((person) => ContactStore.load(agencyId, person.contactId, { consistent: true })));
    recipients = fresh.filter(reachable).filter((contact) => quietSince(contact, cutoff));
  }
  return 0;
}

/** One survey's email, with its score links; a failed send is logged by sendAll (the survey stays, unanswered). */
function render(plan: Plan, contact: ContactItem, token: string) {
  const { min, max } = SCALES[plan.kind];
  const links = Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i, url: surveyUrl(token, min + i) }));
  const params = {
    agency: plan.settings.name,
    name: contact.name,
    ...(plan.request ? { reference: plan.request.reference, title: plan.request.title } : {}),
  };
  return Email.survey({ locale: contact.locale, kind: plan.kind, params, links, days: LINK_DAYS, quiet: plan.settings.quietDays, brand: plan.settings.brand });
}

/**
 * A request was completed (the client approved its last task): ask for a CSAT score. It goes to
 * the contact who submitted the request, else the client's first active contact, unless they
 * were surveyed within the quiet days. Best effort, like every email: it never throws, so it
 * can't fail the approval that called it.
 */
export async function afterCompletion(
  request: Pick<RequestItem, "agencyId" | "requestId" | "clientId" | "reference" | "title" | "submittedByType" | "submittedById">,
  now = new Date(),
): Promise<{ sent: number }> {
  const { agencyId } = request;
  try {
    return await withActor({ type: "system", agencyId }, async () => {
      const [settings, client, contacts, tasks] = await Promise.all([
        loadSettings(agencyId),
        ClientStore.load(agencyId, request.clientId),
        Notify.contactsOf(agencyId, request.clientId),
        TaskStore.ofRequest(agencyId, request.clientId, request.requestId),
      ]);
      if (!client) return { sent: 0 };
      const submitter = request.submittedByType === "contact" ? contacts.find((contact) => contact.contactId === request.submittedById) : undefined;
      const recipient = [submitter, ...contacts.filter((contact) => contact.status === "active").sort((a, b) => a.createdAt.localeCompare(b.createdAt))].find(reachable);
      if (!recipient) return { sent: 0 };
      const memberIds = [...new Set(tasks.map((task) => task.assigneeId).filter((id) => id !== UNASSIGNED))];
      const sent = await sendSurveys({
        agencyId,
        settings,
        kind: "csat",
        client,
        claim: `csat#${request.requestId}`,
        recipients: [recipient],
        request: { requestId: request.requestId, reference: request.reference, title: request.title, memberIds },
        now,
      });
      return { sent };
    });
  } catch (error) {
    Log.error("survey: CSAT not sent", error);
    return { sent: 0 };
  }
}

/** The NPS timing rules (rules.ts) for one client: its onboarding and whether any work was completed. */
async function ready(agencyId: string, client: ClientItem, settings: Settings, now: Date): Promise<boolean> {
  const [onboarded, hasCompletedWork] = await Promise.all([finishedAt(agencyId, client.clientId), anyCompleted(agencyId, client.clientId)]);
  // Never onboarded through Baton: the days count from when the client was added.
  return npsReady({ onboardedAt: onboarded === undefined ? client.createdAt : onboarded, hasCompletedWork }, settings, now);
}

/**
 * The scheduled NPS check-in: for every agency, each active client's reachable contacts get one
 * every `npsEveryDays` (periods counted from the epoch, so every run agrees on the current one),
 * once the client has had work completed and `npsAfterOnboardingDays` have passed since onboarding.
 * A claim on client + period in the survey's transaction makes it once per period however
 * often, or however concurrently, the job runs. A client whose contacts are all within the
 * quiet days is not claimed: a later run in the period sends once the quiet days are over.
 */
export async function checkIns(now = new Date()): Promise<{ sent: number; failed: number }> {
  return Job.forEachAgency("NPS check-ins", { sent: 0, failed: 0 }, (agency) => checkInsFor(agency, now));
}

/** One agency's check-ins (run as its system actor); a client that fails is logged and counted, the others go on. */
export async function checkInsFor(agency: AgencyItem, now: Date): Promise<{ sent: number; failed: number }> {
  const { agencyId } = agency;
  const settings = settingsOf(agency);
  const period = Math.floor(now.getTime() / (settings.npsEveryDays * DAY));
  const clients = { data: await ClientStore.ofAgency(agencyId) };
  const outcome = { sent: 0, failed: 0 };
  for (const client of clients.data.filter((item) => item.status === "active")) {
    const sent = await Job.isolated("NPS check-in", { agencyId, clientId: client.clientId }, async () => {
      const claim = `nps#${client.clientId}#${settings.npsEveryDays}d#${period}`;
      if ((await Uniqueness.isClaimed({ agencyId, scope: "survey", value: claim }))) return 0;
      if (!(await ready(agencyId, client, settings, now))) return 0;
      const contacts = (await Notify.contactsOf(agencyId, client.clientId)).filter(reachable);
      if (!contacts.length) return 0;
      return sendSurveys({ agencyId, settings, kind: "nps", client, claim, recipients: contacts, now });
    });
    if (sent === Job.FAILED) outcome.failed++;
    else outcome.sent += sent;
  }
  return outcome;
}
