import { z } from "zod";
import { page } from "../fields/output.ts";
import { DeliveryStatuses, EndpointKinds, EndpointStatuses } from "./entity.ts";
import { catalogue, EventTypes, ResourceKinds } from "./catalogue.ts";

// What the webhook area answers, as the OpenAPI document declares it.

export const endpointOutput = z
  .object({
    id: z.string(),
    kind: z.enum(EndpointKinds).describe("webhook: signed JSON; slack / teams: a readable message to an incoming-webhook URL"),
    origin: z.enum(["owner", "subscription"]).describe("owner: made in Settings; subscription: a REST-hook subscription (Zapier, Make)"),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    clientId: z.string().nullable().describe("Only this client's events; null for every client"),
    locale: z.enum(["en", "el", "hi"]).describe("The language of Slack / Teams messages"),
    status: z.enum(EndpointStatuses),
    failingSince: z.string().nullable().describe("The first failed attempt since the last success; after days of failures the endpoint is disabled"),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "WebhookEndpoint" });

export const endpointListOutput = page(endpointOutput).meta({ id: "WebhookEndpointList" });

export const createdEndpointOutput = z
  .object({ endpoint: endpointOutput, secret: z.string().describe("Signs every delivery (Webhook-Signature); shown this once") })
  .meta({ id: "WebhookEndpointCreated" });

export const attemptOutput = z.object({
  at: z.string(),
  statusCode: z.number().int().describe("The receiver's HTTP status; 0 when it could not be reached (or its address was refused)"),
  ok: z.boolean(),
  durationMs: z.number().int(),
  excerpt: z.string().describe("The first 500 characters of the receiver's answer"),
  error: z.string().nullable(),
});

export const deliveryOutput = z
  .object({
    id: z.string(),
    eventId: z.string(),
    type: z.string(),
    resourceId: z.string(),
    status: z.enum(DeliveryStatuses),
    attempts: z.number().int(),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable().describe("When the next retry is due; null once delivered or given up"),
    log: z.array(attemptOutput).describe("Every attempt, oldest first"),
  })
  .meta({ id: "WebhookDelivery" });

export const deliveryListOutput = page(deliveryOutput).meta({ id: "WebhookDeliveryList" });

export const eventOutput = z
  .object({
    id: z.string(),
    type: z.string(),
    time: z.string(),
    resource: z.unknown().describe("The resource in the shape of the API's GET for it (see the event catalogue)"),
  })
  .meta({ id: "WebhookEvent", description: "The body of every delivery, and an item of the poll list" });

export const eventListOutput = page(eventOutput).meta({ id: "WebhookEventList" });

export const eventTypesOutput = z
  .object({
    items: z.array(z.object({ type: z.enum(EventTypes), resource: z.enum(ResourceKinds), description: z.string() })),
    cursor: z.null(),
  })
  .meta({ id: "WebhookEventTypes" });

export const subscribedOutput = z
  .object({ subscription: endpointOutput, secret: z.string().describe("Signs every delivery (Webhook-Signature); shown this once") })
  .meta({ id: "WebhookSubscription", description: "A REST-hook subscription: an endpoint with origin subscription" });

export const testSentOutput = z.object({ eventId: z.string() }).meta({ id: "WebhookTestSent" });

export const catalogueText = EventTypes.map((type) => `- \`${type}\`: ${catalogue[type].description}`).join("\n");
