import { t } from "@baton/ui/i18n";
import { A } from "@solidjs/router";

/** Board, deadlines and workload: three views of the same work, one "Planning" in the main menu. */
export function PlanningTabs() {
  return (
    <nav class="tabs" aria-label={t("nav.planning")}>
      <A href="/board" end>
        {t("board.title")}
      </A>
      <A href="/deadlines" end>
        {t("deadlines.title")}
      </A>
      <A href="/workload" end>
        {t("workload.title")}
      </A>
    </nav>
  );
}
