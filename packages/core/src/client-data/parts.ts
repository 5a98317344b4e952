import { auditEventsPart } from "../audit/client-data.ts";
import { cardPart } from "../card/client-data.ts";
import { contactsPart } from "../contact/client-data.ts";
import { invoicesPart } from "../invoice/client-data.ts";
import { messagesPart } from "../message/client-data.ts";
import { onboardingPart } from "../onboarding/client-data.ts";
import { quotesPart } from "../quote/client-data.ts";
import { requestsPart } from "../request/client-data.ts";
import { schedulesPart } from "../schedule/client-data.ts";
import { searchWordsPart } from "../search/client-data.ts";
import { surveysPart } from "../survey/client-data.ts";
import { tasksPart } from "../task/client-data.ts";
import { timeEntriesPart, timersPart } from "../timesheet/client-data.ts";
import { vaultPart } from "../vault/client-data.ts";
import { webhookEventsPart } from "../webhook/client-data.ts";
import type { ClientDataPart } from "./part.ts";

// Everything Baton holds about one client, part by part. Each part knows how to read its items for
// the export and how to erase them (or which it must keep), and lives in the area that owns its
// table (`<area>/client-data.ts`). Another kind of data about a client is one more entry here: its
// export goes into the export under its name, its erase runs with the others and its counts appear
// in the result.

export { DATA_HANDLING_ACTIONS } from "../audit/client-data.ts";
export { isIssued, type ClientDataPart, type Erased, type Scope } from "./part.ts";

// Erase runs the parts in this order: a part that finds its items through others (messages
// through requests, audit events through requests and tasks, time through the issued invoices)
// runs before those are gone.
export const parts: ClientDataPart[] = [webhookEventsPart, vaultPart, schedulesPart, cardPart, auditEventsPart, messagesPart, surveysPart, onboardingPart, timersPart, timeEntriesPart, invoicesPart, quotesPart, tasksPart, requestsPart, contactsPart, searchWordsPart];
