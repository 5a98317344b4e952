import { api, conflictCurrent } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { VaultEntry } from "@baton/ui/types";
import { createSignal, Show } from "solid-js";

// The vault's forms: a new login (perhaps answering the agency's request), an entry's details,
// and a new secret after a change at the tool. The secret field is a password input that the
// browser is asked not to remember; after saving, the page forgets it.

type Kind = VaultEntry["kind"];
const kinds = (): { value: Kind; label: string }[] => [
  { value: "password", label: t("vault.kind.password") },
  { value: "recovery_codes", label: t("vault.kind.recovery_codes") },
  { value: "totp", label: t("vault.kind.totp") },
];

function SecretField(props: { kind: Kind; value: string; onValue: (value: string) => void; error: string | undefined }) {
  return (
    <Show
      when={props.kind === "recovery_codes"}
      fallback={
        <TextField
          label={props.kind === "totp" ? t("vault.field.seed") : t("vault.field.password")}
          hint={props.kind === "totp" ? t("vault.field.seedHint") : undefined}
          name="secret"
          type="password"
          autocomplete="new-password"
          spellcheck={false}
          required
          value={props.value}
          onValue={props.onValue}
          error={props.error}
        />
      }
    >
      <TextArea label={t("vault.field.codes")} name="secret" spellcheck={false} autocomplete="off" required value={props.value} onValue={props.onValue} error={props.error} />
    </Show>
  );
}

export function AddEntryDialog(props: { open: boolean; tool?: string; accessRequestId?: string; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  return (
    <Dialog open={props.open} title={props.accessRequestId ? t("vault.answerTitle", { tool: props.tool ?? "" }) : t("vault.addTitle")} description={t("vault.addDescription")} onClose={props.onClose}>
      <AddEntryForm {...props} />
    </Dialog>
  );
}

function AddEntryForm(props: { tool?: string; accessRequestId?: string; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  const submission = createSubmission();
  const [tool, setTool] = createSignal(props.tool ?? "");
  const [url, setUrl] = createSignal("");
  const [username, setUsername] = createSignal("");
  const [kind, setKind] = createSignal<Kind>("password");
  const [secret, setSecret] = createSignal("");
  const [notes, setNotes] = createSignal("");
  const save = () =>
    submission.run(async () => {
      const entry = await api.vault.create({
        tool: tool(),
        kind: kind(),
        secret: secret(),
        ...(url() ? { url: url() } : {}),
        ...(username() ? { username: username() } : {}),
        ...(notes() ? { notes: notes() } : {}),
        ...(props.accessRequestId ? { accessRequestId: props.accessRequestId } : {}),
      });
      setSecret("");
      await props.onSaved(entry);
    });
  return (
    <Form submission={submission} onSubmit={() => void save()} aria-label={t("vault.addTitle")} data-testid="vault-add-form">
      <TextField label={t("vault.field.tool")} name="tool" required value={tool()} onValue={setTool} error={submission.fieldError("tool")} />
      <TextField label={t("vault.field.url")} name="url" type="url" inputmode="url" placeholder="https://" value={url()} onValue={setUrl} error={submission.fieldError("url")} />
      <TextField label={t("vault.field.username")} name="username" autocomplete="off" value={username()} onValue={setUsername} error={submission.fieldError("username")} />
      <Select label={t("vault.field.kind")} name="kind" options={kinds()} value={kind()} onValue={(value) => setKind(value as Kind)} error={submission.fieldError("kind")} />
      <SecretField kind={kind()} value={secret()} onValue={setSecret} error={submission.fieldError("secret")} />
      <TextArea label={t("vault.field.notes")} name="notes" rows={3} value={notes()} onValue={setNotes} error={submission.fieldError("notes")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("vault.addAction")}
        </Button>
      </FormActions>
    </Form>
  );
}

export function EditEntryDialog(props: { entry: VaultEntry | undefined; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  return (
    <Dialog open={!!props.entry} title={t("vault.editTitle", { tool: props.entry?.tool ?? "" })} onClose={props.onClose}>
      <Show when={props.entry}>{(entry) => <EditEntryForm entry={entry()} onClose={props.onClose} onSaved={props.onSaved} />}</Show>
    </Dialog>
  );
}

function EditEntryForm(props: { entry: VaultEntry; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  const submission = createSubmission();
  const [base, setBase] = createSignal(props.entry);
  const [tool, setTool] = createSignal(props.entry.tool);
  const [url, setUrl] = createSignal(props.entry.url ?? "");
  const [username, setUsername] = createSignal(props.entry.username ?? "");
  const [notes, setNotes] = createSignal(props.entry.notes ?? "");
  const save = () =>
    submission.run(async () => {
      try {
        await props.onSaved(await api.vault.edit(props.entry.id, { version: base().version, tool: tool(), url: url(), username: username(), notes: notes() }));
      } catch (error) {
        // Someone changed it meanwhile: keep what was typed, on top of the version now stored.
        const current = conflictCurrent<VaultEntry>(error);
        if (current) setBase(current);
        throw error;
      }
    });
  return (
    <Form submission={submission} onSubmit={() => void save()} aria-label={t("vault.editTitle", { tool: props.entry.tool })}>
      <TextField label={t("vault.field.tool")} name="tool" required value={tool()} onValue={setTool} error={submission.fieldError("tool")} />
      <TextField label={t("vault.field.url")} name="url" type="url" inputmode="url" value={url()} onValue={setUrl} error={submission.fieldError("url")} />
      <TextField label={t("vault.field.username")} name="username" autocomplete="off" value={username()} onValue={setUsername} error={submission.fieldError("username")} />
      <TextArea label={t("vault.field.notes")} name="notes" rows={3} value={notes()} onValue={setNotes} error={submission.fieldError("notes")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("vault.saveDetails")}
        </Button>
      </FormActions>
    </Form>
  );
}

export function RotateDialog(props: { entry: VaultEntry | undefined; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  return (
    <Dialog open={!!props.entry} title={t("vault.rotateTitle", { tool: props.entry?.tool ?? "" })} description={t("vault.rotateDescription")} onClose={props.onClose}>
      <Show when={props.entry}>{(entry) => <RotateForm entry={entry()} onClose={props.onClose} onSaved={props.onSaved} />}</Show>
    </Dialog>
  );
}

function RotateForm(props: { entry: VaultEntry; onClose: () => void; onSaved: (entry: VaultEntry) => Promise<void> }) {
  const submission = createSubmission();
  const [base, setBase] = createSignal(props.entry);
  const [kind, setKind] = createSignal<Kind>(props.entry.kind);
  const [secret, setSecret] = createSignal("");
  const save = () =>
    submission.run(async () => {
      try {
        const entry = await api.vault.rotate(props.entry.id, { version: base().version, kind: kind(), secret: secret() });
        setSecret("");
        await props.onSaved(entry);
      } catch (error) {
        const current = conflictCurrent<VaultEntry>(error);
        if (current) setBase(current);
        throw error;
      }
    });
  return (
    <Form submission={submission} onSubmit={() => void save()} aria-label={t("vault.rotateTitle", { tool: props.entry.tool })}>
      <Select label={t("vault.field.kind")} name="kind" options={kinds()} value={kind()} onValue={(value) => setKind(value as Kind)} error={submission.fieldError("kind")} />
      <SecretField kind={kind()} value={secret()} onValue={setSecret} error={submission.fieldError("secret")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("vault.rotateAction")}
        </Button>
      </FormActions>
    </Form>
  );
}
