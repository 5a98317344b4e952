import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { PayoutMethod, PayoutStatement } from "@baton/ui/types";
import { createSignal } from "solid-js";
import { refreshPayouts } from "./data";

const METHODS: PayoutMethod[] = ["bank", "wise", "paypal", "other"];

/** The owner records how a statement was paid: the method and the payment's reference. */
export function PaidDialog(props: { statement: PayoutStatement | undefined; onClose: () => void }) {
  const [method, setMethod] = createSignal<PayoutMethod>("bank");
  const [reference, setReference] = createSignal("");
  const submission = createSubmission();
  const close = () => {
    setReference("");
    setMethod("bank");
    submission.clear();
    props.onClose();
  };
  const send = () =>
    submission.run(async () => {
      try {
        await api.payouts.markPaid(props.statement!.id, method(), reference());
      } finally {
        await refreshPayouts();
      }
      toast(t("payouts.paidToast"));
      close();
    });
  return (
    <Dialog open={!!props.statement} title={t("payouts.paidTitle")} description={t("payouts.paidHint")} onClose={close}>
      <Form submission={submission} onSubmit={() => void send()} data-testid="paid-form">
        <Select
          label={t("payouts.method")}
          name="method"
          value={method()}
          onValue={(value) => setMethod(value as PayoutMethod)}
          options={METHODS.map((value) => ({ value, label: t(`payouts.method.${value}`) }))}
          error={submission.fieldError("method")}
        />
        <TextField label={t("payouts.reference")} name="reference" required value={reference()} onValue={setReference} error={submission.fieldError("reference")} maxLength={200} />
        <FormActions>
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" pending={submission.pending()}>
            {t("payouts.markPaid")}
          </Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}
