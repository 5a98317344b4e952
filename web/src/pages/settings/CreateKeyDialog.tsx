import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { ApiKeyScope, CreatedApiKey } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { getApiKeys } from "./data";

/** Two steps in one dialog: name the key, then show its secret exactly once. */
export function CreateKeyDialog(props: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = createSignal<CreatedApiKey>();
  const close = () => {
    setCreated(undefined);
    props.onClose();
  };
  return (
    <Dialog open={props.open} title={created() ? t("apiKeys.createdTitle") : t("apiKeys.createTitle")} onClose={close}>
      <Show when={created()} fallback={<NameForm onClose={close} onCreated={(result) => {
        setCreated(result);
        void revalidate(getApiKeys.key);
      }} />}>
        {(result) => <SecretView created={result()} onDone={close} />}
      </Show>
    </Dialog>
  );
}

const SCOPES: ReadonlyArray<{ scope: ApiKeyScope; label: "apiKeys.scopeRead" | "apiKeys.scopeWrite" | "apiKeys.scopeWebhooks"; hint: "apiKeys.scopeReadHint" | "apiKeys.scopeWriteHint" | "apiKeys.scopeWebhooksHint" }> = [
  { scope: "read", label: "apiKeys.scopeRead", hint: "apiKeys.scopeReadHint" },
  { scope: "write", label: "apiKeys.scopeWrite", hint: "apiKeys.scopeWriteHint" },
  { scope: "webhooks", label: "apiKeys.scopeWebhooks", hint: "apiKeys.scopeWebhooksHint" },
];

function NameForm(props: { onClose: () => void; onCreated: (created: CreatedApiKey) => void }) {
  const [name, setName] = createSignal("");
  // Least privilege by default: a new key reads until the owner ticks write.
  const [scopes, setScopes] = createSignal<ApiKeyScope[]>(["read"]);
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const submission = createSubmission();
  const submit = () => submission.run(async () => props.onCreated(await api.apiKeys.create(name().trim(), scopes())));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("apiKeys.createTitle")}>
      <TextField
        label={t("apiKeys.name")}
        name="name"
        required
        autocomplete="off"
        hint={t("apiKeys.nameHint")}
        value={name()}
        onValue={setName}
        error={submission.fieldError("name")}
      />
      <fieldset class="check-group plain-fieldset" aria-describedby="api-key-scopes-hint">
        <legend class="field-label">{t("apiKeys.scopes")}</legend>
        <For each={SCOPES}>
          {(option) => (
            <label class="check">
              <input type="checkbox" name="scopes" value={option.scope} checked={scopes().includes(option.scope)} onChange={(e) => toggle(option.scope, e.currentTarget.checked)} />
              <span>
                {t(option.label)} <span class="muted small">— {t(option.hint)}</span>
              </span>
            </label>
          )}
        </For>
        <p class="field-hint" id="api-key-scopes-hint">
          {t("apiKeys.scopesHint")}
        </p>
        <Show when={submission.fieldError("scopes")}>
          <p class="field-error" role="alert">
            {t("apiKeys.scopesNone")}
          </p>
        </Show>
      </fieldset>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("apiKeys.createSubmit")}
        </Button>
      </FormActions>
    </Form>
  );
}

function SecretView(props: { created: CreatedApiKey; onDone: () => void }) {
  let input!: HTMLInputElement;
  const [copied, setCopied] = createSignal(false);
  // The name form that had focus is gone; put it on the secret, ready to copy.
  onMount(() => input.focus());
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.created.secret);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; leave the text selected for Ctrl+C instead.
      input.select();
    }
  }
  return (
    <div class="secret">
      <p class="notice notice-warning">{t("apiKeys.secretOnce")}</p>
      <div class="field">
        <label class="field-label" for="api-key-secret">
          {t("apiKeys.secret", { name: props.created.apiKey.name })}
        </label>
        <div class="input-with-button">
          <input ref={input} id="api-key-secret" readonly value={props.created.secret} onFocus={(e) => e.currentTarget.select()} class="mono" />
          <Button onClick={copy}>{copied() ? t("apiKeys.copied") : t("apiKeys.copy")}</Button>
        </div>
        <p class="sr-only" role="status" aria-live="polite">
          {copied() ? t("apiKeys.copied") : ""}
        </p>
      </div>
      <FormActions>
        <Button variant="primary" onClick={() => props.onDone()}>
          {t("apiKeys.done")}
        </Button>
      </FormActions>
    </div>
  );
}
