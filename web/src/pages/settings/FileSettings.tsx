import { api } from "@baton/ui/api";
import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { intlLocale, t } from "@baton/ui/i18n";
import { getMe } from "@baton/ui/session";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Agency, FileGroup, FileUsage } from "@baton/ui/types";
import { formatSize } from "@baton/ui/uploads";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { AgencyCard, asTyped, useSaveAgency } from "./AgencyCard";
import { getAgency } from "./data";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import "@baton/ui/files.css";

const groups: FileGroup[] = ["pdf", "office", "images", "text", "archives", "audio", "video"];
export const getUsage = query(() => api.files.usage(), "files.usage");

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** The agency's file limits with the storage used, and who may write to clients. */
export function FileSettingsCard() {
  const agency = createAsync(() => getAgency());
  const usage = createAsync(() => getUsage());
  return (
    <>
      <AgencyCard id="file-settings" title={t("settings.files.title")} intro={t("settings.files.intro")} alsoReads={[getUsage.key]}>
        {(loaded) => (
          <>
            <Show when={usage()}>{(used) => <UsageBar usage={used()} />}</Show>
            <FileSettingsForm agency={loaded} />
          </>
        )}
      </AgencyCard>
      <Show when={agency()} keyed>
        {(loaded) => <TalkToClients agency={loaded} />}
      </Show>
    </>
  );
}

function UsageBar(props: { usage: FileUsage }) {
  const percent = () => Math.min(100, Math.round((props.usage.usedBytes / props.usage.quotaBytes) * 100));
  const label = () => t("settings.files.usage", { used: formatSize(props.usage.usedBytes, intlLocale()), quota: formatSize(props.usage.quotaBytes, intlLocale()) });
  return (
    <div class="usage" data-testid="storage-usage">
      <p class="usage-label">{label()}</p>
      <div class="upload-bar" role="progressbar" aria-label={t("settings.files.quota")} aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent()} aria-valuetext={label()}>
        <div class="upload-bar-fill" style={{ width: `${percent()}%` }} />
      </div>
    </div>
  );
}

function FileSettingsForm(props: { agency: Agency }) {
  const files = props.agency.files;
  const [maxMb, setMaxMb] = createSignal(String(Math.round(files.maxFileBytes / MB)));
  const [quotaGb, setQuotaGb] = createSignal(String(Math.round(files.quotaBytes / GB)));
  const [retention, setRetention] = createSignal(String(files.retentionDays));
  const [allowed, setAllowed] = createSignal<FileGroup[]>([...files.groups]);
  const submission = createSubmission();
  const save = useSaveAgency();
  const submit = () =>
    submission.run(() =>
      save(
        { files: { maxFileMb: asTyped(maxMb()), quotaGb: asTyped(quotaGb()), retentionDays: asTyped(retention()), groups: allowed() } },
        t("settings.files.saved"),
        // The apps' file pickers read the limits from the session.
        [getUsage.key, getMe.key],
      ),
    );
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("settings.files.title")}>
      <div class="field-row">
        <TextField label={t("settings.files.maxFile")} name="maxFileMb" type="number" inputmode="numeric" min={1} max={5000} required value={maxMb()} onValue={setMaxMb} error={submission.fieldError("files.maxFileMb")} />
        <TextField label={t("settings.files.quota")} name="quotaGb" type="number" inputmode="numeric" min={1} max={10000} required value={quotaGb()} onValue={setQuotaGb} error={submission.fieldError("files.quotaGb")} />
        <TextField
          label={t("settings.files.retention")}
          hint={t("settings.files.retentionHint")}
          name="retentionDays"
          type="number"
          inputmode="numeric"
          min={1}
          max={365}
          required
          value={retention()}
          onValue={setRetention}
          error={submission.fieldError("files.retentionDays")}
        />
      </div>
      <fieldset class="checkbox-group" classList={{ "field-invalid": !!submission.fieldError("files.groups") }}>
        <legend class="field-label">{t("settings.files.kinds")}</legend>
        <For each={groups}>
          {(group) => (
            <label class="checkbox-option">
              <input
                type="checkbox"
                name="groups"
                checked={allowed().includes(group)}
                onChange={(e) => setAllowed((list) => (e.currentTarget.checked ? [...list, group] : list.filter((g) => g !== group)))}
              />
              {t(`settings.files.group.${group}`)}
            </label>
          )}
        </For>
        <Show when={submission.fieldError("files.groups")}>
          <p class="field-error">{submission.fieldError("files.groups")}</p>
        </Show>
      </fieldset>
      <SaveActions submission={submission} />
    </Form>
  );
}

/** The switch for subcontractors writing to clients, saved as soon as it is flipped. */
function TalkToClients(props: { agency: Agency }) {
  const [on, setOn] = createSignal(props.agency.subcontractorsWriteToClients);
  const submission = createSubmission();
  const change = (next: boolean) => {
    setOn(next);
    void submission.run(async () => {
      try {
        await api.agency.update({ version: props.agency.version, subcontractorsWriteToClients: next });
        toast(t("settings.talk.saved"));
      } catch (e) {
        setOn(!next);
        throw e;
      } finally {
        await revalidate([getAgency.key, getMe.key]);
      }
    });
  };
  return (
    <section class="card" aria-labelledby="talk-title">
      <h2 id="talk-title">{t("settings.talk.title")}</h2>
      <ErrorMessage error={submission.error()} />
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={on()}
          aria-describedby="talk-hint"
          data-testid="subcontractors-write"
          onClick={(e) => submission.pending() && e.preventDefault()}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        {t("settings.talk.label")}
      </label>
      <p class="field-hint" id="talk-hint">
        {t("settings.talk.hint")}
      </p>
    </section>
  );
}
