import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Agency } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getAgency } from "./data";

/** What every invoice prints about the agency: legal name, address, tax id, registration. */
export function InvoiceDetailsCard() {
  const agency = createAsync(() => getAgency());
  return (
    <section class="card" aria-labelledby="invoice-details-title" data-testid="invoice-details">
      <h2 id="invoice-details-title">{t("invoiceDetails.title")}</h2>
      <p class="muted small">{t("invoiceDetails.intro")}</p>
      <Boundary onRetry={() => revalidate(getAgency.key)}>
        <Show when={agency()} keyed>
          {(loaded) => <InvoiceDetailsForm agency={loaded} />}
        </Show>
      </Boundary>
    </section>
  );
}

function InvoiceDetailsForm(props: { agency: Agency }) {
  const d = props.agency.invoiceDetails;
  const [values, setValues] = createStore({ legalName: d.legalName ?? "", address: d.address ?? "", taxId: d.taxId ?? "", registration: d.registration ?? "" });
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      try {
        await api.agency.update({ version: props.agency.version, invoiceDetails: { ...values } });
        toast(t("invoiceDetails.saved"));
      } catch (e) {
        if (!isApiError(e) || e.status !== 409) throw e;
        toast(t("common.conflict"), "error");
      }
      await revalidate(getAgency.key);
    });
  const error = (field: string) => submission.fieldError(`invoiceDetails.${field}`);
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("invoiceDetails.title")}>
      <div class="field-row">
        <TextField label={t("invoiceDetails.legalName")} name="legalName" maxlength={200} hint={t("invoiceDetails.legalNameHint")} value={values.legalName} onValue={(legalName) => setValues({ legalName })} error={error("legalName")} />
        <TextField label={t("invoiceDetails.taxId")} name="taxId" maxlength={50} value={values.taxId} onValue={(taxId) => setValues({ taxId })} error={error("taxId")} />
      </div>
      <TextArea label={t("invoiceDetails.address")} name="address" rows={3} value={values.address} onValue={(address) => setValues({ address })} error={error("address")} />
      <TextField
        label={t("invoiceDetails.registration")}
        name="registration"
        maxlength={300}
        hint={t("invoiceDetails.registrationHint")}
        value={values.registration}
        onValue={(registration) => setValues({ registration })}
        error={error("registration")}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("common.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
