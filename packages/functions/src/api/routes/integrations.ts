import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Webhooks } from "@baton/core/webhook";
import { allow } from "../access.ts";
import { pathIds } from "../path-ids.ts";
import { accepted, created, noContent, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Integrations"];
const inPerson = { apiKeys: "never" } as const;
/** REST hooks for no-code tools: the owner in person, or an API key with the webhooks scope. */
const hooksKey = { apiKeys: "webhooks" } as const;

// Outgoing webhooks (issue 19), owner in person: endpoints, a test event, the delivery log and
// redelivery. Deliveries happen after the response and in the delivery job, never here.
export const integrationRoutes = new Hono()
  .get("/event-types", describeRoute({ responses: ok(Webhooks.eventTypesOutput), tags, summary: "The event catalogue: every event type an endpoint can subscribe to, with its resource" }), allow("owner"), async (c) => c.json(Webhooks.eventTypes(), 200))
  .get("/endpoints", describeRoute({ responses: ok(Webhooks.endpointListOutput), tags, summary: "The agency's webhook endpoints (owner)" }), allow("owner", inPerson), async (c) => c.json(await Webhooks.list(), 200))
  .post("/endpoints", describeRoute({ responses: created(Webhooks.createdEndpointOutput, "The endpoint, with its signing secret shown this once"), tags, summary: "Add a webhook endpoint: an https URL and the events it wants (owner)" }), allow("owner", inPerson), input("json", Webhooks.create.schema), async (c) =>
    c.json(await Webhooks.create(c.req.valid("json")), 201),
  )
  .get("/endpoints/:endpointId", describeRoute({ responses: ok(Webhooks.endpointOutput), tags, summary: "A webhook endpoint (owner)" }), allow("owner", inPerson), pathIds("endpointId"), async (c) => c.json(await Webhooks.get(c.req.param("endpointId")), 200))
  .patch("/endpoints/:endpointId", describeRoute({ responses: ok(Webhooks.endpointOutput), tags, summary: "Edit an endpoint's URL, events or description, or turn it off and on, from the version read (owner)" }), allow("owner", inPerson), pathIds("endpointId"), input("json", Webhooks.update.schema), async (c) =>
    c.json(await Webhooks.update(c.req.valid("json"), c.req.param("endpointId")), 200),
  )
  .delete("/endpoints/:endpointId", describeRoute({ responses: noContent("Deleted; nothing more is sent to it"), tags, summary: "Delete a webhook endpoint (owner)" }), allow("owner", inPerson), pathIds("endpointId"), async (c) => {
    await Webhooks.remove(c.req.param("endpointId"));
    return c.body(null, 204);
  })
  .post("/endpoints/:endpointId/test", describeRoute({ responses: accepted(Webhooks.testSentOutput, "The test event is sent right after this answer; see the delivery log"), tags, summary: "Send a webhook.test event to this endpoint (owner)" }), allow("owner", inPerson), pathIds("endpointId"), async (c) =>
    c.json(await Webhooks.sendTest(c.req.param("endpointId")), 202),
  )
  .get("/endpoints/:endpointId/deliveries", describeRoute({ responses: ok(Webhooks.deliveryListOutput), tags, summary: "An endpoint's delivery log, newest first: each attempt's status, response code, time and the answer's first characters (owner)" }), allow("owner", inPerson), pathIds("endpointId"), input("query", Webhooks.deliveries.schema), async (c) =>
    c.json(await Webhooks.deliveries(c.req.valid("query"), c.req.param("endpointId")), 200),
  )
  .post("/endpoints/:endpointId/deliveries/:deliveryId/redeliver", describeRoute({ responses: accepted(Webhooks.deliveryOutput, "Sent again right after this answer"), tags, summary: "Send a delivery again (owner)" }), allow("owner", inPerson), pathIds("endpointId", "deliveryId"), async (c) =>
    c.json(await Webhooks.redeliver(c.req.param("endpointId"), c.req.param("deliveryId")), 202),
  )
  .post("/subscriptions", describeRoute({ responses: created(Webhooks.subscribedOutput, "The subscription, with its signing secret shown this once"), tags, summary: "Subscribe a URL to event types: a REST hook for Zapier or Make (owner, or an API key with the webhooks scope)" }), allow("owner", hooksKey), input("json", Webhooks.subscribe.schema), async (c) =>
    c.json(await Webhooks.subscribe(c.req.valid("json")), 201),
  )
  .delete("/subscriptions/:endpointId", describeRoute({ responses: noContent("Unsubscribed; nothing more is sent to it"), tags, summary: "End a REST-hook subscription; the owner's own endpoints are not ended here (owner, or an API key with the webhooks scope)" }), allow("owner", hooksKey), pathIds("endpointId"), async (c) => {
    await Webhooks.unsubscribe(c.req.param("endpointId"));
    return c.body(null, 204);
  })
  .get("/events", describeRoute({ responses: ok(Webhooks.eventListOutput), tags, summary: "The poll list: one event type's events of the last 30 days, newest first, each as a delivery's body (owner, or an API key with the webhooks scope)" }), allow("owner", hooksKey), input("query", Webhooks.poll.schema), async (c) =>
    c.json(await Webhooks.poll(c.req.valid("query")), 200),
  );
