import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { Agency } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { createStore } from "solid-js/store";
import { describeIncrement, IncrementFields, incrementValues, toIncrementInput, type IncrementValues } from "../../components/IncrementFields";
import { getAgency } from "./data";

/** The agency's rounding of time on invoices, for clients without a rule of their own. */
export function BillingIncrementCard() {
  const agency = createAsync(() => getAgency());
  return (
    <section class="card" aria-labelledby="increment-title" data-testid="billing-increment">
      <h2 id="increment-title">{t("increment.title")}</h2>
      <p class="muted small">{t("increment.intro")}</p>
      <Boundary onRetry={() => revalidate(getAgency.key)}>
        <Show when={agency()} keyed>
          {(loaded) => <IncrementForm agency={loaded} />}
        </Show>
      </Boundary>
    </section>
  );
}

function IncrementForm(props: { agency: Agency }) {
  const [values, setValues] = createStore<IncrementValues>(incrementValues(props.agency.billingIncrement));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      // The agency always has a rule: the exact minute is step 1.
      const billingIncrement = toIncrementInput({ ...values, step: values.step || "1" })!;
      try {
        await api.agency.update({ version: props.agency.version, billingIncrement });
        toast(t("increment.saved"));
      } catch (e) {
        if (!isApiError(e) || e.status !== 409) throw e;
        toast(t("common.conflict"), "error");
      }
      await revalidate(getAgency.key);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("increment.title")}>
      <p data-testid="increment-rule">{describeIncrement(props.agency.billingIncrement)}</p>
      <IncrementFields values={values} set={setValues} name="billingIncrement" error={(field) => submission.fieldError(field)} />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("common.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
