import { z } from "zod";
import { named } from "../fields/output.ts";
import { MemberRoles } from "../member/entity.ts";
import { AGING_BUCKETS } from "./aging.ts";
import type { MarginReport, PayoutReport, ReceivablesReport, RevenueReport } from "./index.ts";
import type { ResponsesReport } from "./responses.ts";

/** Amounts are integers in the minor unit of their currency. */
const minor = z.number().int();
const bucket = z.enum(AGING_BUCKETS);
const clientNamed = z.object({ clientId: z.string(), name: z.string() });
const unconverted = z.array(z.object({ currency: z.string(), amount: minor, invoices: z.number().int() })).describe("Invoices with no stamped rate, left out of the converted totals");
const converted = z.object({ currency: z.string(), total: minor, unconverted });

export const revenueOutput = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  months: z.array(z.string()),
  currencies: z.array(
    z.object({
      currency: z.string(),
      total: minor,
      months: z.array(z.object({ month: z.string(), total: minor, byClient: z.array(z.object({ clientId: z.string(), amount: minor })) })),
      clients: z.array(clientNamed.extend({ total: minor, invoices: z.number().int() })),
    }),
  ),
  converted: converted.extend({ months: z.array(z.object({ month: z.string(), total: minor })) }),
}) satisfies z.ZodType<RevenueReport>;

export const receivablesOutput = z.object({
  asOf: z.string(),
  buckets: z.array(bucket),
  currencies: z.array(
    z.object({
      currency: z.string(),
      total: minor,
      buckets: z.array(z.object({ bucket, amount: minor, count: z.number().int() })),
      clients: z.array(clientNamed.extend({ total: minor, buckets: z.array(z.object({ bucket, amount: minor })) })),
    }),
  ),
  invoices: z.array(
    z.object({ id: z.string(), number: z.string(), client: named, currency: z.string(), balance: minor, dueAt: z.string(), daysOverdue: z.number().int(), bucket }),
  ),
  converted: converted.extend({ buckets: z.array(z.object({ bucket, amount: minor })) }),
}) satisfies z.ZodType<ReceivablesReport>;

export const marginOutput = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  clients: z.array(
    clientNamed.extend({
      currency: z.string(),
      billed: minor,
      billedConverted: minor.nullable(),
      minutes: z.number().int(),
      cost: minor,
      margin: minor.nullable(),
      marginRate: z.number().nullable(),
    }),
  ),
  withoutCostRate: z.array(z.object({ id: z.string(), name: z.string(), minutes: z.number().int() })),
  totals: z.object({ billed: minor, cost: minor, margin: minor, marginRate: z.number().nullable(), unconverted }),
}) satisfies z.ZodType<MarginReport>;

export const payoutsOutput = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  total: minor,
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(MemberRoles),
      minutes: z.number().int(),
      billableMinutes: z.number().int(),
      costRate: minor.nullable(),
      amount: minor.nullable(),
      statements: z.object({ currency: z.string(), owed: minor, paid: minor }).nullable(),
    }),
  ),
}) satisfies z.ZodType<PayoutReport>;

const counts = z.object({
  received: z.number().int(),
  onTime: z.number().int(),
  breached: z.number().int(),
  answeredLate: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  breachRate: z.number().nullable(),
  medianResponseHours: z.number().nullable(),
});

export const responsesOutput = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  asOf: z.string(),
  clients: z.array(counts.extend({ clientId: z.string(), name: z.string(), responseHours: z.number().nullable(), responsePromise: z.object({ amount: z.number().int(), unit: z.enum(["days", "hours"]) }).nullable() })),
  total: counts,
}) satisfies z.ZodType<ResponsesReport>;
