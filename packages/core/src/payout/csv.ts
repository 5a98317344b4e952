import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { csvRow } from "../csv/index.ts";
import { calendarMonth } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Money } from "../money/index.ts";
import { PayoutStore } from "./store.ts";

// The statements of a range of months as CSV (the owner's books): one row per statement, the
// amount in the member's currency and, when it differs, in the agency's at the stamped rate.

export const csvSchema = z
  .strictObject({ from: calendarMonth.optional(), to: calendarMonth.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, { message: "Start on or before the end month.", path: ["from"] });

const HEADER = ["Month", "Member", "Status", "Hours", "Currency", "Amount", "Exchange rate", "Agency currency", "Agency amount", "Issued at", "Paid at", "Method", "Reference"];

export const statementCsv = fn(csvSchema, async ({ from, to }): Promise<string> => {
  const agencyId = assertOwner();
  const rows = (await PayoutStore.ofAgency(agencyId))
    .filter((item) => (!from || item.period >= from) && (!to || item.period <= to))
    .sort((a, b) => a.period.localeCompare(b.period) || a.memberName.localeCompare(b.memberName))
    .map((item) =>
      csvRow([
        item.period,
        item.memberName,
        item.status,
        (item.minutes / 60).toFixed(2),
        item.currency,
        Money.toMajorString(item.amount, item.currency),
        item.exchangeRate ?? "",
        item.agencyCurrency,
        Money.toMajorString(item.agencyAmount ?? item.amount, item.agencyCurrency),
        item.issuedAt,
        item.paidAt ?? "",
        item.method ?? "",
        item.reference ?? "",
      ]),
    );
  return [csvRow(HEADER), ...rows].join("\r\n") + "\r\n";
});
