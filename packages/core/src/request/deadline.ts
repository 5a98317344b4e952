import type { AgencyItem } from "../agency/entity.ts";
import { calendarOf } from "../agency/index.ts";
import { responseDue } from "../business-hours/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { promiseOf } from "../client/promise.ts";

// When a request's first response is due: the client's promise (business days or hours) counted
// in the agency's working week, holidays and zone. The request keeps the instant it was given;
// the portal's new-request page, the confirmation, the emails and the owner's inbox all show it.

export function responseDueAt(sentAt: Date, client: Pick<ClientItem, "responseDays" | "responseHours">, agency: AgencyItem | null | undefined): Date {
  return responseDue(sentAt, promiseOf(client), agency?.timeZone ?? "UTC", calendarOf(agency));
}
