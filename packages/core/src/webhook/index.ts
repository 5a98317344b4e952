export * as Webhooks from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

// Outgoing webhooks (issue 19): the table of contents of the area, one file per job behind it.
import { catalogue, EventTypes } from "./catalogue.ts";
export { catalogue, EventTypes, isEventType, TEST_EVENT, type EventType } from "./catalogue.ts";
export { record } from "./record.ts";
export { create, deliveries, get, list, redeliver, remove, sendTest, update, type Delivery, type Endpoint } from "./endpoints.ts";
export { flush, payloadOf, DISABLE_AFTER_DAYS, RETRY_HOURS } from "./deliver.ts";
export { signatureHeader, verifySignature, SIGNATURE_HEADER } from "./signature.ts";
export { refusalOf, urlProblem, guardedLookup, type Refusal } from "./address.ts";
export { post } from "./send.ts";
export { poll, subscribe, unsubscribe, type PolledEvent } from "./subscriptions.ts";

/** The event types, each with its resource and meaning (the catalogue the API reference shows). */
export function eventTypes() {
  return { items: EventTypes.map((type) => ({ type, ...catalogue[type] })), cursor: null };
}
