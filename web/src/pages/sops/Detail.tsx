import { SopFiles } from "./SopFiles";
import { SopTools } from "./SopTools";
import { api, conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { SopDetail, SopSummary, SopVersion } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getSop, getSopVersion, getSopVersions, sopKeys, useCategories } from "./data";
import { checklistOf, SopFields, toSteps, type SopValues } from "./SopForm";

const parseVersion = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

/** One SOP: the procedure, its checklist and every earlier version; the owner edits it (a new version). */
export default function SopPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ version?: string }>();
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  const sop = createAsync(() => getSop(params.id));
  const wanted = () => parseVersion(search.version);
  // An older version, when the address asks for one; the latest comes with the SOP itself.
  const old = createAsync(async () => {
    const number = wanted();
    const latest = sop()?.latestVersion;
    return number && latest && number !== latest ? getSopVersion(params.id, number) : undefined;
  });
  const [editing, setEditing] = createSignal(false);

  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(sopKeys)}>
        <Show when={sop()}>
          {(s) => {
            const shown = (): SopVersion => old() ?? s().current;
            const isLatest = () => shown().number === s().latestVersion;
            return (
              <>
                <Title>{shown().title}</Title>
                <PageHeader
                  back={
                    <A href="/sops" class="back-link">
                      ← {t("sops.back")}
                    </A>
                  }
                  title={shown().title}
                  intro={
                    <span class="header-meta">
                      <span class="chip">{shown().category}</span>
                      <Badge tone={isLatest() ? "success" : "warning"}>{t("sops.versionNumber", { number: shown().number })}</Badge>
                      <span>{t("sops.savedAt", { date: formatDateTime(shown().createdAt) })}</span>
                    </span>
                  }
                  actions={
                    isOwner() && isLatest() ? (
                      <Button variant="primary" onClick={() => setEditing(true)}>
                        {t("common.edit")}
                      </Button>
                    ) : undefined
                  }
                />
                <Show when={!isLatest()}>
                  <div class="notice notice-warning status-notice" role="status">
                    <p>{t("sops.oldVersion", { number: shown().number, latest: s().latestVersion })}</p>
                    <Button size="sm" onClick={() => setSearch({ version: undefined })}>
                      {t("sops.viewLatest")}
                    </Button>
                  </div>
                </Show>
                <div class="detail-grid">
                  <div class="stack">
                    <section class="card" aria-labelledby="procedure-title">
                      <h2 id="procedure-title">{t("tasks.procedure")}</h2>
                      <Show when={shown().body.trim()} fallback={<p class="muted">{t("sops.noBody")}</p>}>
                        {/* Rendered and sanitised by the API (no raw HTML, allow-listed URLs): safe as it is. */}
                        <div class="prose" data-testid="sop-body" innerHTML={shown().bodyHtml} />
                      </Show>
                    </section>
                    <SopFiles sopId={s().id} />
                    <section class="card" aria-labelledby="sop-checklist-title">
                      <h2 id="sop-checklist-title">{t("sops.checklist")}</h2>
                      <Show when={shown().checklist.length} fallback={<p class="muted">{t("sops.noChecklist")}</p>}>
                        <ol class="sop-steps">
                          <For each={shown().checklist}>{(step) => <li data-testid="sop-step">{step}</li>}</For>
                        </ol>
                      </Show>
                    </section>
                    <SopTools sop={s()} isOwner={isOwner()} />
                  </div>
                  <Versions sopId={s().id} shown={shown().number} latest={s().latestVersion} />
                </div>
                <Show when={isOwner()}>
                  <EditSopDialog open={editing()} sop={s()} onClose={() => setEditing(false)} />
                </Show>
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}

function Versions(props: { sopId: string; shown: number; latest: number }) {
  const versions = createAsync(() => getSopVersions(props.sopId));
  return (
    <section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t("sops.versions")}</h2>
      <p class="muted small">{t("sops.versionsIntro")}</p>
      <Boundary onRetry={() => revalidate(getSopVersions.keyFor(props.sopId))}>
        <ol class="timeline" reversed>
          <For each={versions()?.items}>
            {(version) => (
              <li class="timeline-entry" data-testid="sop-version" aria-current={version.number === props.shown ? "true" : undefined}>
                <span>
                  <Show
                    when={version.number !== props.shown}
                    fallback={<strong>{t("sops.versionNumber", { number: version.number })}</strong>}
                  >
                    <A href={`/sops/${encodeURIComponent(props.sopId)}${version.number === props.latest ? "" : `?version=${version.number}`}`}>
                      {t("sops.versionNumber", { number: version.number })}
                    </A>
                  </Show>
                  <Show when={version.number === props.latest}>
                    {" "}
                    <Badge tone="success">{t("sops.latest")}</Badge>
                  </Show>
                </span>
                <time class="muted small" datetime={version.createdAt}>
                  {formatDateTime(version.createdAt)}
                </time>
                <Show when={version.createdBy.name}>
                  <span class="muted small">{t("sops.versionBy", { name: version.createdBy.name })}</span>
                </Show>
                <Show when={version.note}>
                  <span class="small">{version.note}</span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Boundary>
    </section>
  );
}

function EditSopDialog(props: { open: boolean; sop: SopDetail; onClose: () => void }) {
  return (
    <Dialog open={props.open} title={t("sops.editTitle")} description={t("sops.editIntro")} onClose={props.onClose} wide>
      <EditSopForm sop={props.sop} onClose={props.onClose} />
    </Dialog>
  );
}

function EditSopForm(props: { sop: SopDetail; onClose: () => void }) {
  const [values, setValues] = createStore<SopValues>({
    title: props.sop.current.title,
    category: props.sop.current.category,
    body: props.sop.current.body,
    steps: toSteps(props.sop.current.checklist),
    note: "",
  });
  // Someone saved meanwhile: keep what was typed here and say so; the next save goes on top of theirs.
  const [conflict, setConflict] = createSignal<SopSummary>();
  const submission = createSubmission();
  const categories = useCategories();
  const submit = () =>
    submission.run(async () => {
      try {
        const saved = await api.sops.update(props.sop.id, {
          version: conflict()?.version ?? props.sop.version,
          title: values.title.trim(),
          category: values.category.trim(),
          body: values.body,
          checklist: checklistOf(values),
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
        });
        setConflict(undefined);
        toast(t("sops.saved", { number: saved.latestVersion }));
        props.onClose();
        await revalidate(sopKeys);
      } catch (e) {
        const current = conflictCurrent<SopSummary>(e);
        if (!current) throw e;
        setConflict(current);
        void revalidate(sopKeys);
      }
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("sops.editTitle")}>
      <Show when={conflict()}>
        {(current) => (
          <p class="notice notice-warning" role="alert">
            {t("sops.conflict", { number: current().latestVersion })}
          </p>
        )}
      </Show>
      <SopFields values={values} set={setValues} submission={submission} categories={categories()} withNote />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("sops.saveVersion")}
        </Button>
      </FormActions>
    </Form>
  );
}
