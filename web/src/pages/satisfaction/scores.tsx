import { formatNumber, intlLocale, t } from "@baton/ui/i18n";
import { Show, type JSX } from "solid-js";
import type { Csat, Nps } from "./data";

// How the satisfaction page writes its scores, months and counts, and the table they sit in.

// A "YYYY-MM" month is the agency's calendar month, not an instant: format mid-month in UTC.
export const month = (value: string, style: "long" | "short") => {
  const [year = 1970, m = 1] = value.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { month: style, year: style === "long" ? "numeric" : undefined, timeZone: "UTC" }).format(new Date(Date.UTC(year, m - 1, 15)));
};
export const npsText = (nps: Nps) => (nps.score === null ? t("satisfaction.none") : formatNumber(nps.score, { signDisplay: "exceptZero" }));
export const csatText = (csat: Csat) => (csat.average === null ? t("satisfaction.none") : formatNumber(csat.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** A table row's NPS and how many answered it; likewise CSAT. */
export const NpsCells = (props: { nps: Nps }) => (
  <>
    <td class="num" data-label={t("satisfaction.nps")}>
      {npsText(props.nps)}
    </td>
    <td class="num" data-label={t("satisfaction.npsResponses")}>
      {props.nps.responses}
    </td>
  </>
);
export const CsatCells = (props: { csat: Csat }) => (
  <>
    <td class="num" data-label={t("satisfaction.csat")}>
      {csatText(props.csat)}
    </td>
    <td class="num" data-label={t("satisfaction.csatResponses")}>
      {props.csat.responses}
    </td>
  </>
);
export const responses = (count: number) => t("satisfaction.responses", { count });

/** A table of scores by month, client or subcontractor: the first column names the row, then NPS (if asked) and CSAT with their counts. */
export function ScoreTable(props: { caption: string; first: string; nps: boolean; children: JSX.Element }) {
  return (
    <div class="table-wrap">
      <table class="table table-stack">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <Show when={props.nps}>
              <th scope="col" class="num">{t("satisfaction.nps")}</th>
              <th scope="col" class="num">{t("satisfaction.npsResponses")}</th>
            </Show>
            <th scope="col" class="num">{t("satisfaction.csat")}</th>
            <th scope="col" class="num">{t("satisfaction.csatResponses")}</th>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
