import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { Agency } from "@baton/ui/types";
import { createStore } from "solid-js/store";
import { AgencyCard, useSaveAgency } from "./AgencyCard";

/** What every invoice prints about the agency: legal name, address, tax id, registration. */
export function InvoiceDetailsCard() {
  return (
    <AgencyCard id="invoice-details" title={t("invoiceDetails.title")} intro={t("invoiceDetails.intro")}>
      {(agency) => <InvoiceDetailsForm agency={agency} />}
    </AgencyCard>
  );
}

function InvoiceDetailsForm(props: { agency: Agency }) {
  const d = props.agency.invoiceDetails;
  const [values, setValues] = createStore({ legalName: d.legalName ?? "", address: d.address ?? "", taxId: d.taxId ?? "", registration: d.registration ?? "" });
  const submission = createSubmission();
  const save = useSaveAgency();
  const submit = () => submission.run(() => save({ invoiceDetails: { ...values } }, t("invoiceDetails.saved")));
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
      <SaveActions submission={submission} />
    </Form>
  );
}
