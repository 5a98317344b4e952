import { FileList } from "@baton/ui/FileList";
import { formatDateTime, t } from "@baton/ui/i18n";
import { LinkList } from "@baton/ui/LinkList";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { For, Show } from "solid-js";

/** The deliverable as last submitted (with the note QA lets through to the client), its files, and earlier rounds. */
export function DeliverableCard(props: { detail: TaskDetail; task: WorkTask }) {
  return (
    <Show when={props.task.deliverable}>
      {(deliverable) => {
        const filesOf = (round: number) => props.detail.files.filter((file) => (file.round ?? 1) === round);
        return (
          <section class="card" aria-labelledby="deliverable-title" data-testid="deliverable">
            <h2 id="deliverable-title">{t("tasks.deliverable")}</h2>
            <p class="muted small">
              <Show when={deliverable().round > 1}>{t("tasks.roundOf", { number: deliverable().round })} · </Show>
              {t("tasks.submittedByOn", { name: deliverable().submittedBy.name, date: formatDateTime(deliverable().submittedAt) })}
            </p>
            <p class="prewrap">{deliverable().text}</p>
            <Show when={deliverable().clientNote}>
              {(note) => (
                <>
                  <h3 class="subheading">{t("tasks.clientNote")}</h3>
                  <p class="prewrap" data-testid="client-note">
                    {note()}
                  </p>
                </>
              )}
            </Show>
            <Show when={deliverable().links.length}>
              <LinkList links={deliverable().links} />
            </Show>
            <Show when={filesOf(deliverable().round).length}>
              <h3 class="subheading">{t("tasks.deliverableFiles")}</h3>
              <FileList
                files={filesOf(deliverable().round)}
                label={t("tasks.deliverableFiles")}
                detail={(file) => (file.visibleToClient ? undefined : t("files.waitsForQa"))}
              />
            </Show>
            <Show when={props.task.deliverableHistory.length}>
              <details class="earlier-rounds" data-testid="earlier-submissions">
                <summary>{t("tasks.earlier")}</summary>
                <For each={[...props.task.deliverableHistory].reverse()}>
                  {(entry) => (
                    <div class="earlier-round">
                      <h4 class="subheading">
                        {t("tasks.roundOf", { number: entry.round })} · <span class="muted small">{formatDateTime(entry.submittedAt)}</span>
                      </h4>
                      <p class="prewrap">{entry.clientNote ?? entry.text}</p>
                      <Show when={filesOf(entry.round).length}>
                        <FileList files={filesOf(entry.round)} compact />
                      </Show>
                    </div>
                  )}
                </For>
              </details>
            </Show>
          </section>
        );
      }}
    </Show>
  );
}
