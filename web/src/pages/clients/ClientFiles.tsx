import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { FileList, latestVersions, whereShared } from "@baton/ui/FileList";
import { FileUpload } from "@baton/ui/FileUpload";
import { t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { useSession } from "@baton/ui/session";
import { toast } from "@baton/ui/Toast";
import type { Client, FileView, ListedFile } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";

/** The first page of everything shared with a client, newest first. */
export const getClientFiles = query((clientId: string) => api.files.forClient(clientId, { limit: 50 }), "client.files");

/**
 * The client's files on their page in the team app: what the portal's Files page shows them, plus
 * what they can't see yet (internal notes' attachments, deliverables waiting for QA). The owner
 * shares documents here (agreements, reports, the welcome packet), adds versions and deletes.
 */
export function ClientFiles(props: { client: Client }) {
  const { me } = useSession();
  const first = createAsync(() => getClientFiles(props.client.id));
  const list = createPaged(first, (cursor) => api.files.forClient(props.client.id, { cursor }));
  const versions = () => latestVersions(list.items());
  const [replacing, setReplacing] = createSignal<FileView>();
  const reload = () => revalidate(getClientFiles.keyFor(props.client.id));
  const detail = (file: FileView) => {
    const listed = file as ListedFile;
    const hidden = file.place === "internal" || (file.place === "deliverable" && !file.visibleToClient);
    return `${whereShared(listed)}${hidden ? ` · ${file.place === "internal" ? t("files.internal") : t("files.waitsForQa")}` : ""}`;
  };
  return (
    <section class="card" style={{ "margin-top": "1.5rem" }} aria-labelledby="client-files-title" data-testid="client-files">
      <h2 id="client-files-title">{t("clientFiles.title")}</h2>
      <p class="muted small">{t("clientFiles.intro", { client: props.client.name })}</p>
      <FileUpload
        target={replacing() ? { place: "client", targetId: props.client.id, replaces: replacing()!.id } : { place: "client", targetId: props.client.id }}
        label={replacing() ? t("files.newVersionOf", { name: replacing()!.name }) : t("clientFiles.share", { client: props.client.name })}
        keep={false}
        testId="client-folder-upload"
        onUploaded={(file) => {
          setReplacing(undefined);
          toast(t("clientFiles.shared", { count: 1, client: props.client.name }));
          void reload();
          void file;
        }}
      />
      <Boundary onRetry={reload}>
        <Show when={first()}>
          <Show when={list.items().length} fallback={<EmptyState title={t("files.emptyTitle")}>{t("clientFiles.emptyBody")}</EmptyState>}>
            <FileList
              files={versions().latest}
              versions={versions().earlier}
              detail={detail}
              retentionDays={me().agency.files.retentionDays}
              onDeleted={() => void reload()}
              onNewVersion={(file) => setReplacing(file)}
              label={t("clientFiles.title")}
            />
            <LoadMore list={list} />
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}
