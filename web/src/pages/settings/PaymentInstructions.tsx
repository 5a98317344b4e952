import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea } from "@baton/ui/TextField";
import type { Agency } from "@baton/ui/types";
import { createSignal } from "solid-js";
import { AgencyCard, useSaveAgency } from "./AgencyCard";

/** How clients pay without a card; printed on every invoice they see. */
export function PaymentInstructionsCard() {
  // Made from the loaded agency (AgencyCard): after its own save or a conflict the form starts from what is stored.
  return (
    <AgencyCard id="payment-instructions" title={t("paymentInstructions.title")} intro={t("paymentInstructions.intro")}>
      {(agency) => <PaymentInstructionsForm agency={agency} />}
    </AgencyCard>
  );
}

function PaymentInstructionsForm(props: { agency: Agency }) {
  const [text, setText] = createSignal(props.agency.paymentInstructions ?? "");
  const submission = createSubmission();
  const save = useSaveAgency();
  const submit = () => submission.run(() => save({ paymentInstructions: text().trim() || null }, t("paymentInstructions.saved")));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("paymentInstructions.title")}>
      <TextArea
        label={t("paymentInstructions.label")}
        name="paymentInstructions"
        rows={5}
        maxlength={2000}
        value={text()}
        onValue={setText}
        error={submission.fieldError("paymentInstructions")}
      />
      <SaveActions submission={submission} />
    </Form>
  );
}
