import { assertContact, assertOwner } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { checkAnswers, type Answers } from "../onboarding/answers.ts";
export { answersField } from "../onboarding/answers.ts";
import { isId } from "../id/index.ts";
import type { Question } from "../onboarding/kit.ts";
import { Sop } from "../sop/index.ts";
import type { ServicePackageItem } from "./entity.ts";
import type { ServicePackage } from "./index.ts";

// The catalog as a client sees it: the active services visible to their company, each with its
// price in their currency, its turnaround and its intake form. A service they can't see is "not
// found", never "forbidden". Request.submit checks a service request's answers here.

/** A question of a service's intake form: the onboarding questionnaire's, without the client-field link. */
export type FormQuestion = Omit<Question, "field">;

export function presentForm(item: Pick<ServicePackageItem, "form">): FormQuestion[] {
  return (item.form ?? []).map((q) => ({ id: q.id, kind: q.kind, label: q.label, help: q.help ?? null, required: q.required, options: [...q.options] }));
}

async function load(agencyId: string, packageId: string): Promise<ServicePackageItem | null> {
  if (!isId("servicePackage", packageId)) return null;
  return (await db.entities.servicePackage.get({ agencyId, packageId }).go({ consistent: true })).data;
}

export type CatalogService = {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  priceModel: ServicePackage["priceModel"];
  /** The prices in the client's currency when there is one, else all of them; empty when quoted on request. */
  prices: Array<{ currency: string; amount: number }>;
  turnaroundDays: number | null;
  form: FormQuestion[];
  formVersion: number;
};

export function visibleTo(item: ServicePackageItem, clientId: string) {
  if (item.status !== "active") return false;
  const visibility = item.visibility ?? "hidden";
  return visibility === "all" || (visibility === "chosen" && (item.clientIds ?? []).includes(clientId));
}

function presentFor(item: ServicePackageItem, clientCurrency: string | null): CatalogService {
  const prices = item.priceModel === "quote" ? [] : (item.prices ?? []);
  const theirs = prices.filter((price) => price.currency === clientCurrency);
  return {
    id: item.packageId,
    name: item.name,
    description: item.description ?? null,
    category: item.category ?? null,
    priceModel: item.priceModel ?? "fixed",
    prices: theirs.length ? theirs : prices,
    turnaroundDays: item.turnaroundDays ?? null,
    form: presentForm(item),
    formVersion: item.formVersion ?? 1,
  };
}

/** The services the signed-in contact's company sees, by category then name (a catalog is dozens, read whole). */
export async function catalog(): Promise<{ items: CatalogService[]; cursor: null }> {
  const { agencyId, clientId } = assertContact();
  const [result, client] = await Promise.all([db.entities.servicePackage.query.packagesOfAgency({ agencyId }).go({ pages: "all" }), ClientStore.load(agencyId, clientId)]);
  const items = result.data.filter((item) => visibleTo(item, clientId)).map((item) => presentFor(item, client?.currency ?? null));
  items.sort((a, b) => (a.category ?? "").localeCompare(b.category ?? "") || a.name.localeCompare(b.name));
  return { items, cursor: null };
}

/**
 * The same catalog as a client sees it, read by the owner filing a request on the client's behalf
 * (the team app's New request): what the client could pick is what the owner can pick for them.
 */
export async function catalogOfClient(clientId: string): Promise<{ items: CatalogService[]; cursor: null }> {
  const agencyId = assertOwner();
  const client = isId("client", clientId) ? await ClientStore.load(agencyId, clientId) : null;
  if (!client) throw notFound("Client");
  const result = await db.entities.servicePackage.query.packagesOfAgency({ agencyId }).go({ pages: "all" });
  const items = result.data.filter((item) => visibleTo(item, clientId)).map((item) => presentFor(item, client.currency));
  items.sort((a, b) => (a.category ?? "").localeCompare(b.category ?? "") || a.name.localeCompare(b.name));
  return { items, cursor: null };
}

/** One service the contact's company sees, with its form. */
export async function catalogService(packageId: string): Promise<CatalogService> {
  const { agencyId, clientId } = assertContact();
  const [item, client] = await Promise.all([load(agencyId, packageId), ClientStore.load(agencyId, clientId)]);
  if (!item || !visibleTo(item, clientId)) throw notFound("Service");
  return presentFor(item, client?.currency ?? null);
}

/** What a service request keeps: the service's name and form as they were, and the answers. */
export type Brief = { serviceId: string; name: string; formVersion: number; questions: FormQuestion[]; answers: Answers };

/**
 * Checks a request for a service: visible to the client (else 404), filled against the form as it
 * is now (else 409 with the current form), every answer fitting its question's kind (else 400 with
 * `answers.<questionId>`). Answers the brief to keep on the request.
 */
export async function briefFor(agencyId: string, clientId: string, serviceId: string, formVersion: number | undefined, given: Answers): Promise<Brief> {
  const item = await load(agencyId, serviceId);
  if (!item || !visibleTo(item, clientId)) throw notFound("Service");
  const client = await ClientStore.load(agencyId, clientId);
  const current = presentFor(item, client?.currency ?? null);
  if (formVersion !== current.formVersion) {
    throw new VisibleError("conflict", "conflict", "The service's form changed while you were filling it. Check the questions and send it again.", { current });
  }
  const { answers, fields } = checkAnswers(current.form.map((q) => ({ ...q, field: null })), given, true);
  if (Object.keys(fields).length) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });
  return { serviceId, name: item.name, formVersion: current.formVersion, questions: current.form, answers };
}

/** The tasks accepting a request for this service proposes: one per SOP, titled after it, with its category as the skill. */
export async function proposal(agencyId: string, serviceId: string): Promise<ProposedTasks> {
  const item = await load(agencyId, serviceId);
  return proposalOfSops(agencyId, item?.sopIds ?? []);
}

type ProposedTasks = Array<{ sopId: string; title: string; skills: string[]; checklistLength: number }>;

/** The same proposal for a list of SOPs (a recurring template's): one task per SOP still there, in the list's order. */
export async function proposalOfSops(agencyId: string, sopIds: string[]): Promise<ProposedTasks> {
  if (!sopIds.length) return [];
  const heads = await Sop.heads(agencyId, sopIds);
  return heads.flatMap((head) => (head ? [{ sopId: head.sopId, title: head.title, skills: head.category ? [head.category] : [], checklistLength: head.checklistLength }] : []));
}
