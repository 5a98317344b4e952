import { t } from "@baton/ui/i18n";
import { A, createAsync } from "@solidjs/router";
import { ErrorBoundary, Suspense } from "solid-js";
import { getInvoice } from "../data";

/** A link to another invoice, by its number once read (a draft has none); `fallback` names it until then. */
export function InvoiceLink(props: { id: string; fallback: string }) {
  const href = () => `/invoices/${encodeURIComponent(props.id)}`;
  const plain = () => <A href={href()}>{props.fallback}</A>;
  const Numbered = () => {
    const other = createAsync(() => getInvoice(props.id));
    return (
      <A href={href()} data-testid="linked-invoice">
        {other() ? (other()!.number ?? t("invoice.draftInvoice")) : props.fallback}
      </A>
    );
  };
  return (
    <ErrorBoundary fallback={() => plain()}>
      <Suspense fallback={plain()}>
        <Numbered />
      </Suspense>
    </ErrorBoundary>
  );
}
