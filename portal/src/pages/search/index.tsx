import { SearchPage } from "@baton/ui/SearchPage";
import { t } from "@baton/ui/i18n";
import type { SearchResult } from "@baton/ui/types";

/** Where a result opens in the portal: a client finds only their requests, invoices and sent quotes. */
const portalHref = (result: SearchResult) => `${result.kind === "invoice" ? "/invoices" : result.kind === "quote" ? "/quotes" : "/requests"}/${encodeURIComponent(result.id)}`;

/** The portal's search over the company's own requests and invoices. */
export default function Search() {
  return <SearchPage intro={t("search.introPortal")} hrefOf={portalHref} />;
}
