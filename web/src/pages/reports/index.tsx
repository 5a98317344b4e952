import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { useSearchParams } from "@solidjs/router";
import { expireOnLeave } from "../../lib/work";
import { defaultMonths, defaultPeriod, getMargin, parseFilters, reportKeys } from "./data";
import { Margin } from "./Margin";
import { RangeFilter, useFieldErrors } from "./parts";
import { Payouts } from "./Payouts";
import { Receivables } from "./Receivables";
import { Responses } from "./Responses";
import { Revenue } from "./Revenue";
import "./reports.css";

/** The owner's reports: revenue, receivables aging, margin per client, what the team is owed, and response promises kept. */
export default function Reports() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<{ from?: string; to?: string; pfrom?: string; pto?: string; rfrom?: string; rto?: string }>();
  const filters = () => parseFilters(params);
  const zone = () => me().agency.timeZone;
  // Coming back reads the money as it is now, not as it was a few seconds ago.
  expireOnLeave(reportKeys);

  // Margin and payouts share the period and its rules, so either one's field messages will do.
  const periodErrors = useFieldErrors(() => getMargin(filters().pfrom, filters().pto));

  return (
    <section class="page page-wide reports">
      <Title>{t("reports.title")}</Title>
      <PageHeader title={t("reports.title")} intro={t("reports.intro", { zone: timeZoneLabel(zone()) })} />

      <Revenue
        from={filters().from}
        to={filters().to}
        defaults={defaultMonths(zone(), filters().to)}
        onChange={(field, value) => setParams({ [field]: value })}
        onReset={() => setParams({ from: undefined, to: undefined })}
      />

      <Receivables />

      <div class="report-period">
        <RangeFilter
          type="date"
          legend={t("reports.period.legend")}
          showLegend
          from={filters().pfrom}
          to={filters().pto}
          defaults={defaultPeriod(zone(), filters().pto)}
          errors={periodErrors()}
          resetLabel={t("reports.period.reset")}
          onChange={(field, value) => setParams({ [field === "from" ? "pfrom" : "pto"]: value })}
          onReset={() => setParams({ pfrom: undefined, pto: undefined })}
          testid="period-range"
        />
      </div>
      <Margin from={filters().pfrom} to={filters().pto} />
      <Payouts from={filters().pfrom} to={filters().pto} />

      <Responses
        from={filters().rfrom}
        to={filters().rto}
        defaults={defaultMonths(zone(), filters().rto)}
        onChange={(field, value) => setParams({ [field === "from" ? "rfrom" : "rto"]: value })}
        onReset={() => setParams({ rfrom: undefined, rto: undefined })}
      />
    </section>
  );
}
