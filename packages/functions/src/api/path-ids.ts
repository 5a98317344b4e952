import { z } from "zod";
import { validator } from "hono-openapi";
import { useActor, unauthenticated } from "@baton/core/actor";
import { notFound } from "@baton/core/error";
import { isId, type IdKind } from "@baton/core/id";
import { validates } from "./access.ts";

// Every id a path can carry, by the name the routes give it. A value that can't be an id of its
// kind (wrong prefix, wrong length, a 1,000-character string) is answered 404 here, before any
// database call: DynamoDB refuses over-long keys with an error that is no caller's fault.
export const pathIdKinds = {
  apiKeyId: "apiKey",
  clientId: "client",
  contactId: "contact",
  creditNoteId: "creditNote",
  entryId: "time",
  fileId: "file",
  invoiceId: "invoice",
  memberId: "member",
  packageId: "servicePackage",
  quoteId: "quote",
  payoutId: "payout",
  requestId: "request",
  scheduleId: "schedule",
  sopId: "sop",
  surveyId: "survey",
  taskId: "task",
  endpointId: "webhookEndpoint",
  deliveryId: "webhookDelivery",
  subscriptionId: "webhookEndpoint",
  vaultEntryId: "vaultEntry",
} as const satisfies Record<string, IdKind>;

/** Path parameters that are not ids, with the shape each must have. */
const otherParams = {
  // A checklist step's id inside its task (a ULID-like string of the entity's own).
  itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  // A payment's id on its invoice (ours, or from Stripe: stripe_cs_…).
  paymentId: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/),
  // An SOP version number.
  number: z.string().regex(/^[1-9][0-9]{0,5}$/),
  // A credential in a link (survey, calendar feed): judged by the domain, its alphabet and length here.
  token: z.string().regex(/^[A-Za-z0-9._~-]{1,512}$/),
};

const labels: Record<ParamName, string> = {
  apiKeyId: "API key",
  clientId: "Client",
  contactId: "Contact",
  creditNoteId: "Credit note",
  entryId: "Time entry",
  fileId: "File",
  invoiceId: "Invoice",
  memberId: "Team member",
  packageId: "Package",
  quoteId: "Quote",
  payoutId: "Payout statement",
  requestId: "Request",
  scheduleId: "Schedule",
  sopId: "SOP",
  surveyId: "Survey",
  taskId: "Task",
  endpointId: "Endpoint",
  deliveryId: "Delivery",
  subscriptionId: "Subscription",
  vaultEntryId: "Vault entry",
  itemId: "Checklist step",
  paymentId: "Credit",
  number: "SOP version",
  token: "Link",
};

type ParamName = keyof typeof pathIdKinds | keyof typeof otherParams;

function schemaFor(name: ParamName) {
  if (name in otherParams) return otherParams[name as keyof typeof otherParams];
  const kind = pathIdKinds[name as keyof typeof pathIdKinds];
  return z.string().refine((value) => isId(kind, value), "Not an id of this kind.");
}

/**
 * Checks the named path parameters' shapes; a bad one is "not found" (401 first for someone not
 * signed in, so that a bad id never tells a stranger more than a good one).
 */
export function pathIds<const N extends ParamName>(...names: N[]) {
  const shape = Object.fromEntries(names.map((name) => [name, schemaFor(name)])) as unknown as { [K in N]: z.ZodType<string> };
  return validates(
    validator("param", z.object(shape), (result, c) => {
      if (result.success) return;
      if (useActor().type === "public" && !names.includes("token" as N)) throw unauthenticated();
      const bad = names.find((name) => !schemaFor(name).safeParse(c.req.param(name)).success) ?? names[0]!;
      throw notFound(labels[bad]);
    }),
  );
}
