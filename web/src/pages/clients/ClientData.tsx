import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { errorText } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client, ClientExport } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { getAllClients, getClient, getClients, getContacts } from "./data";

/** The owner's export and erase of one client's data (both audited by the API). */
export function ClientDataPanel(props: { client: Client }) {
  const [exporting, setExporting] = createSignal(false);
  const [erasing, setErasing] = createSignal(false);

  async function download() {
    setExporting(true);
    try {
      const data = await api.clients.exportData(props.client.id);
      save(data, `baton-client-${props.client.code}-${data.exportedAt.slice(0, 10)}.json`);
      toast(t("clientData.exported", { client: props.client.name }));
    } catch (e) {
      toast(errorText(e), "error");
    } finally {
      setExporting(false);
    }
  }

  return (
    <section class="card" aria-labelledby="client-data-title">
      <h2 id="client-data-title">{t("clientData.title")}</h2>
      <p class="muted small">{t("clientData.intro")}</p>
      <div class="form-actions form-actions-start">
        <Button size="sm" pending={exporting()} onClick={download}>
          {t("clientData.export")}
        </Button>
        <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => setErasing(true)}>
          {t("clientData.erase")}
        </Button>
      </div>
      <Dialog open={erasing()} title={t("clientData.eraseTitle", { client: props.client.name })} onClose={() => setErasing(false)}>
        <EraseForm client={props.client} onClose={() => setErasing(false)} />
      </Dialog>
    </section>
  );
}

function EraseForm(props: { client: Client; onClose: () => void }) {
  const [code, setCode] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.clients.erase(props.client.id, code().trim());
      props.onClose();
      toast(t("clientData.erased", { client: props.client.name }));
      await revalidate([getClient.keyFor(props.client.id), getContacts.keyFor(props.client.id), getClients.key, getAllClients.key]);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("clientData.eraseTitle", { client: props.client.name })}>
      <p>{t("clientData.eraseIntro")}</p>
      <p class="notice">{t("clientData.eraseKept")}</p>
      <TextField
        label={t("clientData.eraseConfirm", { code: props.client.code })}
        name="code"
        required
        autocomplete="off"
        value={code()}
        onValue={setCode}
        error={submission.fieldError("code")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="danger" pending={submission.pending()} disabled={code().trim().toUpperCase() !== props.client.code}>
          {t("clientData.eraseButton")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** Hands the browser a JSON file to save. */
function save(data: ClientExport, filename: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
