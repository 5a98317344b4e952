import { t } from "@baton/ui/i18n";
import { For } from "solid-js";
import type { Summary } from "./data";
import { LineChart } from "./LineChart";
import { CsatCells, csatText, month, NpsCells, npsText, ScoreTable } from "./scores";

// NPS and CSAT month by month: two charts, each described in words, and the table behind them.

type Month = Summary["months"][number];

export function OverTime(props: { summary: Summary }) {
  return (
    <section class="sat-section" aria-labelledby="sat-time">
      <h2 id="sat-time">{t("satisfaction.overTime")}</h2>
      <Charts summary={props.summary} />
      <details class="sat-details">
        <summary>{t("satisfaction.byMonth")}</summary>
        <ScoreTable caption={t("satisfaction.monthsCaption")} first={t("satisfaction.month")} nps>
          <For each={props.summary.months}>
            {(m) => (
              <tr data-testid="satisfaction-month" data-month={m.month}>
                <th scope="row">{month(m.month, "long")}</th>
                <NpsCells nps={m.nps} />
                <CsatCells csat={m.csat} />
              </tr>
            )}
          </For>
        </ScoreTable>
      </details>
    </section>
  );
}

function Charts(props: { summary: Summary }) {
  const months = () => props.summary.months;
  const span = () => ({ from: month(props.summary.from, "long"), to: month(props.summary.to, "long") });
  const describe = (value: (m: Month) => string) =>
    months()
      .map((m) => t("satisfaction.chartPoint", { month: month(m.month, "short"), value: value(m) }))
      .join(", ");
  const npsValue = (m: Month) => (m.nps.score === null ? t("satisfaction.noAnswer") : npsText(m.nps));
  const csatValue = (m: Month) => (m.csat.average === null ? t("satisfaction.noAnswer") : csatText(m.csat));
  const points = (value: (m: Month) => number | null, text: (m: Month) => string) =>
    months().map((m) => ({ key: m.month, label: month(m.month, "short"), title: `${month(m.month, "long")}: ${text(m)}`, value: value(m) }));
  return (
    <div class="sat-charts">
      <div class="sat-chart-box">
        <h3>{t("satisfaction.nps")}</h3>
        <LineChart
          points={points((m) => m.nps.score, npsValue)}
          min={-100}
          max={100}
          ticks={[-100, -50, 0, 50, 100]}
          summary={t("satisfaction.npsChart", { ...span(), values: describe(npsValue) })}
          testid="nps-chart"
        />
      </div>
      <div class="sat-chart-box">
        <h3>{t("satisfaction.csat")}</h3>
        <LineChart
          points={points((m) => m.csat.average, csatValue)}
          min={1}
          max={5}
          ticks={[1, 2, 3, 4, 5]}
          summary={t("satisfaction.csatChart", { ...span(), values: describe(csatValue) })}
          testid="csat-chart"
        />
      </div>
    </div>
  );
}
