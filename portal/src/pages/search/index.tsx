import { SearchPage } from "@baton/ui/SearchPage";
import { t } from "@baton/ui/i18n";
import type { SearchResult } from "@baton/ui/types";

/** Where a result opens in the portal: a client finds only their requests and invoices. */
const portalHref = (result: SearchResult) => `${result.kind === "invoice" ? "/invoices" : "/requests"}/${encodeURIComponent(result.id)}`;

/** The portal's search over the company's own requests and invoices. */
export default function Search() {
  return <SearchPage intro={t("search.introPortal")} hrefOf={portalHref} />;
}
