import { api, conflictCurrent } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea } from "@baton/ui/TextField";
import type { WorkRequest } from "@baton/ui/types";
import { createSignal, Show } from "solid-js";

export function DeclineDialog(props: { open: boolean; request: WorkRequest; onClose: () => void; onDeclined: (request: WorkRequest) => void; onStale: () => void }) {
  return (
    <Dialog open={props.open} title={t("requests.declineTitle")} description={t("requests.declineIntro")} onClose={props.onClose}>
      <DeclineForm {...props} />
    </Dialog>
  );
}

function DeclineForm(props: { request: WorkRequest; onClose: () => void; onDeclined: (request: WorkRequest) => void; onStale: () => void }) {
  const [reason, setReason] = createSignal("");
  const [stale, setStale] = createSignal(false);
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      setStale(false);
      try {
        props.onDeclined((await api.requests.decline(props.request.id, { version: props.request.version, reason: reason().trim() })).request);
      } catch (e) {
        if (conflictCurrent(e)) {
          setStale(true);
          props.onStale();
        }
        throw e;
      }
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("requests.declineTitle")}>
      <Show when={stale()}>
        <p class="notice notice-warning">{t("requests.staleNotice")}</p>
      </Show>
      <TextArea
        label={t("requests.declineReason")}
        name="reason"
        required
        maxlength={2000}
        hint={t("requests.declineReasonHint")}
        value={reason()}
        onValue={setReason}
        error={submission.fieldError("reason")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="danger" pending={submission.pending()}>
          {t("requests.declineSubmit")}
        </Button>
      </FormActions>
    </Form>
  );
}
