import { deleteAll } from "../client-data/batch.ts";
import type { ClientDataPart, Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { EventTypes } from "./catalogue.ts";
import { WebhookStore } from "./store.ts";

// Webhook events carry a client's data for 30 days (the resource as the API showed it: a request's
// title, a message's text, a survey's comment), so they are part of the client's export and go
// with the erase; so do the Slack / Teams destinations made for that client alone.

const eventsOf = ({ agencyId, clientId }: Scope) => WebhookStore.eventsOfClient(agencyId, clientId, EventTypes);
const endpointsOf = async ({ agencyId, clientId }: Scope) => (await WebhookStore.endpoints(agencyId)).filter((endpoint) => endpoint.clientId === clientId);

export const webhookEventsPart: ClientDataPart = {
  name: "webhookEvents",
  export: async (scope) =>
    (await eventsOf(scope)).map((event) => ({
      id: event.eventId,
      type: event.type,
      time: event.at,
      resource: event.payload ? (JSON.parse(event.payload) as { resource?: unknown }).resource ?? null : event.snapshot ? JSON.parse(event.snapshot) : null,
    })),
  erase: async (scope) => {
    const events = await eventsOf(scope);
    const endpoints = await endpointsOf(scope);
    const deleted =
      (await deleteAll(db.entities.webhookEvent, events.map(({ agencyId, eventId }) => ({ agencyId, eventId })))) +
      (await deleteAll(db.entities.webhookEndpoint, endpoints.map(({ agencyId, endpointId }) => ({ agencyId, endpointId }))));
    return { deleted };
  },
};
