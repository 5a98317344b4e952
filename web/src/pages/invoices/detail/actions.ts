import { api, isApiError } from "@baton/ui/api";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { InvoiceDetail } from "@baton/ui/types";
import { revalidate, useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { getInvoice, invoiceListKeys } from "../data";

// What the invoice page can do to its invoice: which dialog is open, the one submission they
// share, and the changes themselves. A 409 means it changed elsewhere: reload it and say so.

export type Action = "send" | "delete" | "void" | "payment" | "edit" | "creditNote" | "rate" | "refund";
export type Change = (fn: (d: InvoiceDetail) => Promise<unknown>) => Promise<boolean>;
export type DialogProps = { open: boolean; invoice: InvoiceDetail; change: Change; onClose: () => void; submission: ReturnType<typeof createSubmission> };

/** The cached pages of the invoices this one takes off, or is taken off: they change with it. */
export const linkedKeys = (d: InvoiceDetail) => [...d.depositIds, ...(d.deductedOn ? [d.deductedOn] : [])].map((id) => getInvoice.keyFor(id));

export function invoiceActions(invoice: () => InvoiceDetail | undefined, key: () => string) {
  const navigate = useNavigate();
  const [action, setAction] = createSignal<Action>();
  const [conflicted, setConflicted] = createSignal(false);
  const submission = createSubmission();
  const open = (next: Action) => {
    submission.clear();
    setAction(next);
  };
  const close = () => setAction(undefined);
  const change: Change = (fn) =>
    submission.run(async () => {
      const d = invoice();
      if (!d) return;
      try {
        await fn(d);
        setConflicted(false);
      } catch (e) {
        if (!isApiError(e) || e.status !== 409) throw e;
        setConflicted(true);
        close();
        await revalidate(key());
      }
    });
  const send = (rate?: string) =>
    change(async (d) => {
      const sent = await api.invoices.send(d.id, d.version, rate);
      // A sent deposit can now be taken off another invoice.
      await revalidate([key(), ...invoiceListKeys]);
      close();
      toast(t("invoice.sent", { number: sent.number ?? "" }));
    });
  const remove = () =>
    change(async (d) => {
      await api.invoices.removeDraft(d.id, d.version);
      close();
      toast(t("invoice.deleted"));
      void revalidate([...invoiceListKeys, ...linkedKeys(d)]);
      navigate("/invoices");
    });
  return { action, open, close, conflicted, submission, change, send, remove };
}

export type InvoiceActions = ReturnType<typeof invoiceActions>;
