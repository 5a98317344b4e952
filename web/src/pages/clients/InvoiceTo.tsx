import { api } from "@baton/ui/api";
import { createSubmission, Form, SaveActions, saveThenReread } from "@baton/ui/Form";
import { versionToSend } from "@baton/ui/form-base";
import { FormFrom } from "@baton/ui/FormFrom";
import { t } from "@baton/ui/i18n";
import { TagInput } from "@baton/ui/TagInput";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createStore } from "solid-js/store";
import { getAllClients, getClient, getClients } from "./data";

const FIELDS = ["invoiceTo"] as const satisfies ReadonlyArray<keyof Client>;

/** Who the client's invoices are made out to, and the addresses that get them without a portal account. */
export function InvoiceToCard(props: { client: () => Client }) {
  return (
    <section class="card" aria-labelledby="invoice-to-title">
      <h2 id="invoice-to-title">{t("invoiceTo.title")}</h2>
      <p class="muted small">{t("invoiceTo.intro")}</p>
      {/* Made anew after its own save or conflict, or when the recipient changed; not when another form on the page saves. */}
      <FormFrom latest={props.client} shows={FIELDS} identity={(client) => client.id}>
        {(loaded, remake) => <InvoiceToForm client={loaded} latest={props.client} remake={remake} />}
      </FormFrom>
    </section>
  );
}

function InvoiceToForm(props: { client: Client; latest: () => Client; remake: () => void }) {
  const to = props.client.invoiceTo;
  const [values, setValues] = createStore({ name: to.name ?? "", address: to.address ?? "", taxId: to.taxId ?? "", emails: [...to.emails] });
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await saveThenReread(
        () => api.clients.update(props.client.id, { version: versionToSend(FIELDS, props.client, props.latest()), invoiceTo: { ...values, emails: [...values.emails] } }),
        () => {
          props.remake();
          return revalidate([getClient.keyFor(props.client.id), getClients.key, getAllClients.key]);
        },
        // A conflict (told by the default toast): someone changed the client meanwhile (its recipient, or anything in another tab).
        { saved: () => toast(t("invoiceTo.saved")) },
      );
    });
  const error = (field: string) => submission.fieldError(`invoiceTo.${field}`);
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("invoiceTo.title")} data-testid="invoice-to-form">
      <TextField label={t("invoiceTo.name")} name="invoiceTo.name" maxlength={200} hint={t("invoiceTo.nameHint", { name: props.latest().name })} value={values.name} onValue={(name) => setValues({ name })} error={error("name")} />
      <TextArea label={t("invoiceTo.address")} name="invoiceTo.address" rows={3} value={values.address} onValue={(address) => setValues({ address })} error={error("address")} />
      <TextField label={t("invoiceTo.taxId")} name="invoiceTo.taxId" maxlength={50} value={values.taxId} onValue={(taxId) => setValues({ taxId })} error={error("taxId")} />
      <TagInput label={t("invoiceTo.emails")} name="invoiceTo.emails" hint={t("invoiceTo.emailsHint")} value={values.emails} onValue={(emails) => setValues({ emails })} error={error("emails") ?? submission.fieldError("invoiceTo.emails.0")} />
      <SaveActions submission={submission} />
    </Form>
  );
}
