import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions, SaveActions } from "@baton/ui/Form";
import { formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Agency, ApiKey, ApiKeyScope, CreatedApiKey } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { getAgency, getApiKeys } from "./data";
import { WorkingHoursCard } from "./WorkingHours";
import { FileSettingsCard } from "./FileSettings";
import { BillingIncrementCard } from "./BillingIncrement";
import { InvoiceDetailsCard } from "./InvoiceDetails";
import { AgencyCard, saveAgency } from "./AgencyCard";
import { BrandCard } from "./BrandCard";
import "./settings.css";

export default function Settings() {
  const keys = createAsync(() => getApiKeys());
  const [creating, setCreating] = createSignal(false);
  const [revoking, setRevoking] = createSignal<ApiKey>();
  const revocation = createSubmission();

  const createButton = () => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("apiKeys.create")}
    </Button>
  );

  const revoke = (key: ApiKey) =>
    revocation.run(async () => {
      await api.apiKeys.revoke(key.id);
      setRevoking(undefined);
      toast(t("apiKeys.revoked", { name: key.name }));
      await revalidate(getApiKeys.key);
    });

  return (
    <section class="page">
      <Title>{t("settings.title")}</Title>
      <PageHeader title={t("settings.title")} />
      <BrandCard />
      <PaymentInstructionsCard />
      <SurveySettingsCard />
      <WorkingHoursCard />
      <BillingIncrementCard />
      <InvoiceDetailsCard />
      <FileSettingsCard />
      <section class="card" aria-labelledby="api-keys-title">
        <div class="card-header">
          <h2 id="api-keys-title">{t("apiKeys.title")}</h2>
          {createButton()}
        </div>
        <p class="muted small">{t("apiKeys.intro")}</p>
        <Boundary onRetry={() => revalidate(getApiKeys.key)}>
          <Show
            when={(keys()?.items.length ?? 0) > 0}
            fallback={
              <EmptyState title={t("apiKeys.emptyTitle")} action={createButton()}>
                {t("apiKeys.emptyBody")}
              </EmptyState>
            }
          >
            <div class="table-wrap">
              <table class="table table-stack">
                <caption class="sr-only">{t("apiKeys.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("field.name")}</th>
                    <th scope="col">{t("apiKeys.key")}</th>
                    <th scope="col">{t("apiKeys.scopes")}</th>
                    <th scope="col">{t("field.created")}</th>
                    <th scope="col">{t("apiKeys.lastUsed")}</th>
                    <th scope="col">
                      <span class="sr-only">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={keys()?.items}>
                    {(key) => (
                      <tr data-testid="api-key-row">
                        <td class="cell-title" data-label={t("field.name")}>{key.name}</td>
                        <td data-label={t("apiKeys.key")}>
                          <code>{key.prefix}…</code>
                        </td>
                        <td data-label={t("apiKeys.scopes")} data-testid="api-key-scopes">
                          {key.scopes.map((scope) => t(scope === "read" ? "apiKeys.scopeRead" : "apiKeys.scopeWrite")).join(", ")}
                        </td>
                        <td data-label={t("field.created")}>{formatDate(key.createdAt)}</td>
                        <td data-label={t("apiKeys.lastUsed")}>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span class="muted">{t("apiKeys.never")}</span>}</td>
                        <td class="cell-actions">
                          <Button
                            size="sm"
                            variant="ghost"
                            class="btn-danger-text"
                            aria-label={t("apiKeys.revokeNamed", { name: key.name })}
                            onClick={() => {
                              revocation.clear();
                              setRevoking(key);
                            }}
                          >
                            {t("apiKeys.revoke")}
                          </Button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Boundary>
      </section>

      <CreateKeyDialog open={creating()} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={!!revoking()}
        title={t("apiKeys.revokeTitle")}
        message={t("apiKeys.revokeBody", { name: revoking()?.name ?? "" })}
        confirmLabel={t("apiKeys.revoke")}
        danger
        pending={revocation.pending()}
        error={<ErrorMessage error={revocation.error()} />}
        onConfirm={() => {
          const key = revoking();
          if (key) void revoke(key);
        }}
        onClose={() => setRevoking(undefined)}
      />
    </section>
  );
}

/** Two steps in one dialog: name the key, then show its secret exactly once. */
function CreateKeyDialog(props: { open: boolean; onClose: () => void }) {
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

const SCOPES: ReadonlyArray<{ scope: ApiKeyScope; label: "apiKeys.scopeRead" | "apiKeys.scopeWrite"; hint: "apiKeys.scopeReadHint" | "apiKeys.scopeWriteHint" }> = [
  { scope: "read", label: "apiKeys.scopeRead", hint: "apiKeys.scopeReadHint" },
  { scope: "write", label: "apiKeys.scopeWrite", hint: "apiKeys.scopeWriteHint" },
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

/** How clients pay without a card; printed on every invoice they see. */
function PaymentInstructionsCard() {
  // Keyed on the loaded agency (AgencyCard): after a save or a conflict the form starts from what is stored.
  return (
    <AgencyCard id="payment-instructions" title={t("paymentInstructions.title")} intro={t("paymentInstructions.intro")}>
      {(agency) => <PaymentInstructionsForm agency={agency} />}
    </AgencyCard>
  );
}

function PaymentInstructionsForm(props: { agency: Agency }) {
  const [text, setText] = createSignal(props.agency.paymentInstructions ?? "");
  const submission = createSubmission();
  const submit = () => submission.run(() => saveAgency({ paymentInstructions: text().trim() || null }, props.agency, t("paymentInstructions.saved")));
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

/** How often clients are asked for feedback: NPS check-ins and the quiet days between any two surveys. */
function SurveySettingsCard() {
  return (
    <AgencyCard id="survey-settings" title={t("surveySettings.title")} intro={t("surveySettings.intro")}>
      {(agency) => <SurveySettingsForm agency={agency} />}
    </AgencyCard>
  );
}

function SurveySettingsForm(props: { agency: Agency }) {
  const [every, setEvery] = createSignal(String(props.agency.npsEveryDays));
  const [quiet, setQuiet] = createSignal(String(props.agency.surveyQuietDays));
  const submission = createSubmission();
  // Sent as typed (a number if it is one): the API says what is wrong with anything else.
  const days = (value: string) => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Number(value));
  const submit = () =>
    submission.run(() => saveAgency({ npsEveryDays: days(every()), surveyQuietDays: days(quiet()) }, props.agency, t("surveySettings.saved")));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("surveySettings.title")}>
      <div class="field-row">
        <TextField
          label={t("surveySettings.npsEveryDays")}
          hint={t("surveySettings.npsEveryDaysHint")}
          name="npsEveryDays"
          type="number"
          inputmode="numeric"
          min={7}
          max={365}
          required
          value={every()}
          onValue={setEvery}
          error={submission.fieldError("npsEveryDays")}
        />
        <TextField
          label={t("surveySettings.quietDays")}
          hint={t("surveySettings.quietDaysHint")}
          name="surveyQuietDays"
          type="number"
          inputmode="numeric"
          min={0}
          max={365}
          required
          value={quiet()}
          onValue={setQuiet}
          error={submission.fieldError("surveyQuietDays")}
        />
      </div>
      <SaveActions submission={submission} />
    </Form>
  );
}
