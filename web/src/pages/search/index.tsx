import { SearchPage } from "@baton/ui/SearchPage";
import { t } from "@baton/ui/i18n";
import { teamHref } from "./href";

/** The team app's search page: every result of a search the palette started (or typed here). */
export default function Search() {
  return <SearchPage intro={t("search.introTeam")} hrefOf={teamHref} />;
}
