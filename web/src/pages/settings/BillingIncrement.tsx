import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import type { Agency } from "@baton/ui/types";
import { createStore } from "solid-js/store";
import { describeIncrement, IncrementFields, incrementValues, toIncrementInput, type IncrementValues } from "../../components/IncrementFields";
import { AgencyCard, useSaveAgency } from "./AgencyCard";

/** The agency's rounding of time on invoices, for clients without a rule of their own. */
export function BillingIncrementCard() {
  return (
    <AgencyCard id="billing-increment" title={t("increment.title")} intro={t("increment.intro")}>
      {(agency) => <IncrementForm agency={agency} />}
    </AgencyCard>
  );
}

function IncrementForm(props: { agency: Agency }) {
  const [values, setValues] = createStore<IncrementValues>(incrementValues(props.agency.billingIncrement));
  const submission = createSubmission();
  const save = useSaveAgency();
  // The agency always has a rule: the exact minute is step 1.
  const submit = () => submission.run(() => save({ billingIncrement: toIncrementInput({ ...values, step: values.step || "1" })! }, t("increment.saved")));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("increment.title")}>
      <p data-testid="increment-rule">{describeIncrement(props.agency.billingIncrement)}</p>
      <IncrementFields values={values} set={setValues} name="billingIncrement" error={(field) => submission.fieldError(field)} />
      <SaveActions submission={submission} />
    </Form>
  );
}
