import { formatDuration } from "@baton/kernel/duration";
import { Config } from "../config/index.ts";
import type { Locale } from "../email/index.ts";
import type { MemberItem } from "../member/entity.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import type { PayoutItem } from "./entity.ts";

// The subcontractor hears of their statement twice: when it is issued and when it is paid, in
// their language, with a link to the statement in the team app.

/** "November 2026" in the reader's language. */
export function monthName(period: string, locale: Locale): string {
  const [year = 1970, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}

const params = (item: PayoutItem) => (person: { locale: Locale; timeZone: string }) => ({
  month: monthName(item.period, person.locale),
  amount: Money.format(item.amount, item.currency, person.locale),
  time: formatDuration(item.minutes, person.locale),
  reference: item.reference ?? "",
  when: item.paidAt ? Notify.when(item.paidAt, person) : "",
});

const url = (item: PayoutItem) => `${Config.webUrl}/payouts/${item.payoutId}`;

export async function notifyIssued(item: PayoutItem, member: MemberItem): Promise<void> {
  await Notify.send(item.agencyId, "payoutIssued", [member], params(item), url(item));
}

export async function notifyPaid(item: PayoutItem, member: MemberItem): Promise<void> {
  await Notify.send(item.agencyId, "payoutPaid", [member], params(item), url(item));
}
