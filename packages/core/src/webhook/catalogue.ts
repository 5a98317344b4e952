// The events an integration can subscribe to (issue 19), each named `<resource>.<what happened>`,
// with the resource its payload carries (in the shape of the API's GET for it). Browser-safe: the
// team app lists the same types in Settings → Integrations.

export const EventTypes = [
  "request.submitted",
  "request.accepted",
  "request.completed",
  "task.assigned",
  "task.submitted",
  "task.approved",
  "task.returned",
  "message.posted",
  "invoice.sent",
  "invoice.paid",
  "invoice.overdue",
  "survey.answered",
  "client.onboarded",
] as const;

export type EventType = (typeof EventTypes)[number];

/** The test event an owner sends from Settings: delivered to that one endpoint only, never polled. */
export const TEST_EVENT = "webhook.test" as const;

export const ResourceKinds = ["request", "task", "message", "invoice", "survey", "client", "endpoint"] as const;
export type ResourceKind = (typeof ResourceKinds)[number];

/** What each event means and what its `resource` is: the API reference's catalogue. */
export const catalogue: Record<EventType, { resource: ResourceKind; description: string }> = {
  "request.submitted": { resource: "request", description: "A client (or the owner for one) submitted a request. resource: GET /requests/{id}." },
  "request.accepted": { resource: "request", description: "The owner accepted a request as tasks. resource: GET /requests/{id}." },
  "request.completed": { resource: "request", description: "Every task of a request was approved: the request is done. resource: GET /requests/{id}." },
  "task.assigned": { resource: "task", description: "A task was assigned (or reassigned) to a team member. resource: GET /tasks/{id}." },
  "task.submitted": { resource: "task", description: "A task was submitted for approval (after QA, if any). resource: GET /tasks/{id}." },
  "task.approved": { resource: "task", description: "A task's work was approved. resource: GET /tasks/{id}." },
  "task.returned": { resource: "task", description: "A task was returned with changes asked for. resource: GET /tasks/{id}." },
  "message.posted": { resource: "message", description: "A message was posted on a request's conversation. resource: the message, as listed by GET /requests/{id}/messages." },
  "invoice.sent": { resource: "invoice", description: "An invoice was sent to its client. resource: GET /invoices/{id}." },
  "invoice.paid": { resource: "invoice", description: "An invoice was paid in full. resource: GET /invoices/{id}." },
  "invoice.overdue": { resource: "invoice", description: "An invoice passed its due date unpaid (the first reminder went out). resource: GET /invoices/{id}." },
  "survey.answered": { resource: "survey", description: "A client answered a CSAT or NPS survey. resource: the survey with its score." },
  "client.onboarded": { resource: "client", description: "A client finished onboarding and is active. resource: GET /clients/{id}." },
};

export const isEventType = (value: string): value is EventType => (EventTypes as readonly string[]).includes(value);
