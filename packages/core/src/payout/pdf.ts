import { formatDuration } from "@baton/kernel/duration";
import { AgencyStore } from "../agency/store.ts";
import { text, type Locale, type TextKey } from "../i18n/index.ts";
import { MUTED, Sheet } from "../pdf/sheet.ts";
import type { Style } from "../pdf/typeset.ts";
import { MemberStore } from "../member/store.ts";
import { Money } from "../money/index.ts";
import type { PayoutItem } from "./entity.ts";
import { visible } from "./read.ts";
import { monthName } from "./notify.ts";

// A payout statement as a PDF, on the sheet every PDF shares (core/src/pdf: every script on
// one baseline, Devanagari shaped): the agency and the member, the month, the time per task,
// the total in the member's currency and its stamped value in the agency's, and how it was paid.
// It is the member's document, so it reads in the member's language and zone.

const PAGE = { margin: 50 };
const body: Style = { size: 10 };

export type PdfFile = { fileName: string; bytes: Uint8Array<ArrayBuffer> };

export async function download(payoutId: string): Promise<PdfFile> {
  const item = await visible(payoutId);
  const [member, agency] = await Promise.all([MemberStore.load(item.agencyId, item.memberId), AgencyStore.load(item.agencyId)]);
  const bytes = await render(item, agency?.name ?? "", { locale: member?.locale ?? "en", timeZone: member?.timeZone ?? item.timeZone });
  return { fileName: `payout-${item.period}-${item.memberName.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.pdf`, bytes };
}

export async function render(item: PayoutItem, agencyName: string, options: { locale: Locale; timeZone: string }): Promise<Uint8Array<ArrayBuffer>> {
  const { locale } = options;
  const t = (key: TextKey, params?: Record<string, string | number>) => text(locale, key, params);
  const money = (amount: number, currency = item.currency) => Money.format(amount, currency, locale);
  const hours = (minutes: number) => formatDuration(minutes, locale);
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: options.timeZone }).format(new Date(iso));
  const title = t("payout.title", { month: monthName(item.period, locale) });

  const sheet = new Sheet({ margin: PAGE.margin, title: `${title} · ${item.memberName}`, author: agencyName, lang: locale });
  const { type, right } = sheet;
  const room = (height: number) => sheet.room(height);
  const rule = () => sheet.rule();
  const fact = (label: string, value: string) => {
    room(16);
    type.line(label, PAGE.margin, sheet.y + body.size, { ...body, color: MUTED });
    type.line(value, right, sheet.y + body.size, { ...body, align: "right" });
    sheet.y += 16;
  };

  type.line(title, PAGE.margin, sheet.y + 20, { size: 20, weight: "bold" });
  sheet.y += 34;
  fact(t("payout.from"), agencyName);
  fact(t("payout.to"), item.memberName);
  fact(t("payout.issued"), date(item.issuedAt));
  fact(t("payout.rate"), t("payout.perHour", { rate: money(item.costRate) }));
  fact(t("payout.status"), item.status === "paid" ? t("payout.statusPaid") : t("payout.statusIssued"));
  sheet.y += 12;

  type.line(t("payout.work"), PAGE.margin, sheet.y + 8, { size: 8, color: MUTED });
  type.line(t("payout.hours"), right, sheet.y + 8, { size: 8, color: MUTED, align: "right" });
  sheet.y += 14;
  rule();
  sheet.y += 6;
  for (const line of item.lines ?? []) {
    const wrapped = type.wrap(line.label, right - PAGE.margin - 90, body);
    room(wrapped.length * 14 + 4);
    wrapped.forEach((part, index) => type.line(part, PAGE.margin, sheet.y + body.size + index * 14, body));
    type.line(hours(line.minutes), right, sheet.y + body.size, { ...body, align: "right" });
    sheet.y += wrapped.length * 14 + 4;
  }
  rule();
  sheet.y += 8;
  fact(t("payout.totalHours"), hours(item.minutes));
  room(22);
  type.line(t("payout.total"), PAGE.margin, sheet.y + 13, { size: 13, weight: "bold" });
  type.line(money(item.amount), right, sheet.y + 13, { size: 13, weight: "bold", align: "right" });
  sheet.y += 24;
  if (item.exchangeRate && item.agencyAmount !== undefined) {
    fact(t("payout.exchange", { rate: item.exchangeRate, from: item.currency, to: item.agencyCurrency }), money(item.agencyAmount, item.agencyCurrency));
  }
  if (item.status === "paid" && item.paidAt && item.method) {
    sheet.y += 8;
    fact(t("payout.paidOn"), date(item.paidAt));
    fact(t("payout.method"), t(`payout.method.${item.method}` as TextKey));
    if (item.reference) fact(t("payout.reference"), item.reference);
  }
  return sheet.finish();
}
