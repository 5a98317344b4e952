import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { csvRow } from "../csv/index.ts";
import { VisibleError } from "../error/index.ts";
import { calendarDate, checkDateRange, MAX_RANGE_DAYS } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
// The invoice area's reading module, not its index: the index's drafting imports this area.
import { numbersOf } from "../invoice/read.ts";
import { People } from "../people/index.ts";
import { UNBILLED } from "./entity.ts";
import { teamTimeBetween } from "./queries.ts";
import { todayIn } from "@baton/kernel/dates";

// Everyone's time as a CSV file (GET /exports/time): one row per entry, with the invoice that billed it.

export const TIME_HEADER = ["Date", "Member", "Client", "Task", "Minutes", "Hours", "Billable", "Note", "Invoice"];

export const timeExportSchema = z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional() }).superRefine(checkDateRange(MAX_RANGE_DAYS));

/** Every member's time within the dates (UTC; this month so far by default), as CSV. */
export const exportTime = fn(timeExportSchema, async (range): Promise<string> => {
  const agencyId = assertOwner();
  const today = todayIn("UTC");
  const query = { from: range.from ?? `${today.slice(0, 8)}01`, to: range.to ?? today };
  // With one end left to its default, the span is checked here (the schema checks a given pair).
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days < 1) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { to: "End on or after the start date." } });
  if (days > MAX_RANGE_DAYS) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { from: `Choose at most ${MAX_RANGE_DAYS} days.` } });
  const team = await People.team(agencyId);
  const entries = await teamTimeBetween(agencyId, [...team.keys()], `${query.from}T00:00:00.000Z`, `${query.to}T23:59:59.999Z`);
  const names = { team, clients: await People.clientNames(agencyId, entries.map((entry) => entry.clientId)) };
  const numbers = await numbersOf(agencyId, entries.map((e) => e.invoiceId).filter((id) => id !== UNBILLED));
  const rows = [csvRow(TIME_HEADER)];
  for (const entry of entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    rows.push(
      csvRow([
        entry.startedAt.slice(0, 10),
        names.team.get(entry.memberId)?.name ?? "",
        names.clients.get(entry.clientId) ?? "",
        entry.taskId === "none" ? "" : entry.label,
        entry.minutes,
        (entry.minutes / 60).toFixed(2),
        entry.billable ? "yes" : "no",
        entry.note ?? "",
        entry.invoiceId === UNBILLED ? "" : (numbers.get(entry.invoiceId) ?? ""),
      ]),
    );
  }
  return rows.join("\r\n") + "\r\n";
});
