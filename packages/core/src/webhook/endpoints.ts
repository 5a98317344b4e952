import { z } from "zod";
import { assertOwnerInPerson, useActor } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { Audit } from "../audit/index.ts";
import { randomSecret } from "../auth/tokens.ts";
import { staleWrite } from "../db/conflict.ts";
import { Deferred } from "../deferred/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { idOf, oneLine, pageQuery, version, type Page, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { urlProblem } from "./address.ts";
import { EventTypes, TEST_EVENT } from "./catalogue.ts";
import { redeliverNow, redeliverSoonIds } from "./deliver.ts";
import { EndpointKinds, type WebhookDeliveryItem, type WebhookEndpointItem } from "./entity.ts";
import { deliverSoon, write } from "./record.ts";
import { rules } from "./send.ts";
import { WebhookStore } from "./store.ts";

// The owner's endpoints (Settings → Integrations), in person only: an endpoint's secret and the
// data it is sent are the agency's, so an API key neither makes one nor reads its log.

export type Endpoint = {
  id: string;
  kind: WebhookEndpointItem["kind"];
  origin: WebhookEndpointItem["origin"];
  url: string;
  description: string;
  events: string[];
  clientId: string | null;
  locale: NonNullable<WebhookEndpointItem["locale"]>;
  status: WebhookEndpointItem["status"];
  failingSince: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export function present(item: WebhookEndpointItem): Endpoint {
  return {
    id: item.endpointId,
    kind: item.kind,
    origin: item.origin,
    url: item.url,
    description: item.description,
    events: item.events,
    clientId: item.clientId ?? null,
    locale: item.locale ?? "en",
    status: item.status,
    failingSince: item.failingSince ?? null,
    disabledAt: item.disabledAt ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export type Delivery = {
  id: string;
  eventId: string;
  type: string;
  resourceId: string;
  status: WebhookDeliveryItem["status"];
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  log: { at: string; statusCode: number; ok: boolean; durationMs: number; excerpt: string; error: string | null }[];
};

export function presentDelivery(item: WebhookDeliveryItem): Delivery {
  return {
    id: item.deliveryId,
    eventId: item.eventId,
    type: item.type,
    resourceId: item.resourceId,
    status: item.status,
    attempts: item.attempts,
    createdAt: item.createdAt,
    nextAttemptAt: item.status === "pending" ? item.nextAttemptAt : null,
    log: item.log.map((entry) => ({ ...entry, error: entry.error ?? null })),
  };
}

/** A URL the endpoint may have under the rules in force (https on AWS; no private addresses). */
export const endpointUrl = z
  .string({ error: "Enter the endpoint's address, starting with https://." })
  .trim()
  .min(1, "Enter the endpoint's address, starting with https://.")
  .max(2000, "Keep the address under 2,000 characters.")
  .superRefine((value, ctx) => {
    const problem = urlProblem(value, rules());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const eventList = z
  .array(z.enum(EventTypes, { error: "Choose events from the catalogue." }), { error: "Choose at least one event." })
  .min(1, "Choose at least one event.")
  .max(EventTypes.length)
  .transform((events) => EventTypes.filter((type) => events.includes(type)));

const description = z.string({ error: "The description is text." }).overwrite(oneLine).pipe(z.string().max(200, "Keep the description under 200 characters.")).optional();

export const createSchema = z.strictObject({
  url: endpointUrl,
  events: eventList,
  description,
  /** webhook: signed JSON; slack / teams: a readable message to the channel's incoming-webhook URL. */
  kind: z.enum(EndpointKinds, { error: "Kind is webhook, slack or teams." }).default("webhook"),
  /** Only this client's events (a channel per client). */
  clientId: idOf("client", "Choose a client from the list.").optional(),
  /** The language of Slack / Teams messages; the owner's own when not given. */
  locale: z.enum(["en", "el", "hi"], { error: "Language is en, el or hi." }).optional(),
});

export async function list(): Promise<Page<Endpoint>> {
  const agencyId = assertOwnerInPerson();
  const items = await WebhookStore.endpoints(agencyId);
  return { items: items.map(present), cursor: null };
}

async function load(endpointId: string, consistent = false): Promise<WebhookEndpointItem> {
  const agencyId = assertOwnerInPerson();
  if (!isId("webhookEndpoint", endpointId)) throw notFound("Endpoint");
  const item = await WebhookStore.endpoint(agencyId, endpointId, consistent);
  if (!item) throw notFound("Endpoint");
  return item;
}

export async function get(endpointId: string): Promise<Endpoint> {
  return present(await load(endpointId));
}

/** Adds an endpoint; its signing secret is answered this once. */
export const create = fn(createSchema, async (input): Promise<{ endpoint: Endpoint; secret: string }> => {
  const agencyId = assertOwnerInPerson();
  if (input.clientId && !(await ClientStore.load(agencyId, input.clientId))) throw notFound("Client");
  const locale = input.locale ?? useActor().locale ?? "en";
  return makeEndpoint(agencyId, { kind: input.kind, origin: "owner", url: input.url, events: input.events, description: input.description ?? "", locale, ...(input.clientId ? { clientId: input.clientId } : {}) });
});

export async function makeEndpoint(
  agencyId: string,
  input: { kind: WebhookEndpointItem["kind"]; origin: WebhookEndpointItem["origin"]; url: string; events: string[]; description: string; clientId?: string; locale?: WebhookEndpointItem["locale"] },
): Promise<{ endpoint: Endpoint; secret: string }> {
  if ((await WebhookStore.endpoints(agencyId)).length >= MAX_ENDPOINTS) {
    throw new VisibleError("conflict", "webhook.too_many", `An agency can have up to ${MAX_ENDPOINTS} endpoints. Delete one you no longer use first.`);
  }
  const endpointId = createId("webhookEndpoint");
  const secret = `whsec_${randomSecret()}`;
  await WebhookStore.createEndpoint({ agencyId, endpointId, secret, status: "active", ...input, ...(input.clientId ? { clientId: input.clientId } : {}) });
  await Audit.record(Audit.event("webhook.created", "webhookEndpoint", endpointId, { kind: input.kind, url: input.url, events: input.events }));
  return { endpoint: present((await WebhookStore.endpoint(agencyId, endpointId, true))!), secret };
}

export const MAX_ENDPOINTS = 25;

export const updateSchema = z.strictObject({
  version,
  url: endpointUrl.optional(),
  events: eventList.optional(),
  description,
  status: z.enum(["active", "disabled"], { error: "Status is active or disabled." }).optional(),
});

/** Edits an endpoint from the version read; turning it back on starts its failure clock afresh. */
export const update = fn(updateSchema, async (input, endpointId: string): Promise<Endpoint> => {
  const item = await load(endpointId, true);
  const enabling = input.status === "active" && item.status === "disabled";
  const ok = await WebhookStore.patchEndpoint(
    item.agencyId,
    item.endpointId,
    input.version,
    {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    },
    enabling ? ["failingSince", "disabledAt"] : [],
  );
  const current = await WebhookStore.endpoint(item.agencyId, item.endpointId, true);
  if (!ok || !current) throw staleWrite("Endpoint", current ? present(current) : null);
  return present(current);
});

export async function remove(endpointId: string): Promise<void> {
  const item = await load(endpointId);
  if (!(await WebhookStore.deleteEndpoint(item.agencyId, item.endpointId))) throw notFound("Endpoint");
  await Audit.record(Audit.event("webhook.deleted", "webhookEndpoint", item.endpointId, { url: item.url }));
}

/** Sends a test event to this endpoint (after the response, like every delivery); answers its id. */
export async function sendTest(endpointId: string, now = new Date()): Promise<{ eventId: string }> {
  const item = await load(endpointId);
  const eventId = await write(item.agencyId, TEST_EVENT, "endpoint", { id: item.endpointId }, { snapshot: { id: item.endpointId, url: item.url, events: item.events }, onlyEndpointId: item.endpointId }, now);
  await deliverSoon({ agencyId: item.agencyId, eventIds: [eventId] });
  return { eventId };
}

export const deliveriesSchema = pageQuery;

/** An endpoint's delivery log, newest first. */
export const deliveries = fn(deliveriesSchema, async (page: PageQuery, endpointId: string): Promise<Page<Delivery>> => {
  const item = await load(endpointId);
  const result = await WebhookStore.deliveriesOfEndpoint(item.agencyId, item.endpointId, page);
  return { items: result.data.map(presentDelivery), cursor: result.cursor };
});

const redeliverLater = Deferred.define("webhook.redeliver", async ({ keys }: { keys: { agencyId: string; endpointId: string; deliveryId: string }[] }) => {
  await redeliverSoonIds(keys);
});

/** Sends a delivery again (after the response), whatever became of it; its log keeps every attempt. */
export async function redeliver(endpointId: string, deliveryId: string): Promise<Delivery> {
  const endpoint = await load(endpointId);
  if (!isId("webhookDelivery", deliveryId)) throw notFound("Delivery");
  const item = await WebhookStore.delivery(endpoint.agencyId, endpoint.endpointId, deliveryId);
  if (!item) throw notFound("Delivery");
  if (item.status === "pending" && item.attempts === 0) return presentDelivery(item);
  await redeliverNow(item);
  const key = { agencyId: item.agencyId, endpointId: item.endpointId, deliveryId: item.deliveryId };
  await redeliverLater({ keys: [key] });
  return presentDelivery((await WebhookStore.delivery(item.agencyId, item.endpointId, deliveryId))!);
}
