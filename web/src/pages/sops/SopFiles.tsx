import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { FileList, latestVersions } from "@baton/ui/FileList";
import { FileUpload } from "@baton/ui/FileUpload";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import type { FileView } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";

export const getSopFiles = query((sopId: string) => api.files.ofSop(sopId), "sop.files");

/** An SOP's templates and examples: the team downloads them; the owner adds, versions and deletes. */
export function SopFiles(props: { sopId: string }) {
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  const files = createAsync(() => getSopFiles(props.sopId));
  const versions = () => latestVersions(files()?.items ?? []);
  const [replacing, setReplacing] = createSignal<FileView>();
  const reload = () => revalidate(getSopFiles.keyFor(props.sopId));
  return (
    <section class="card" aria-labelledby="sop-files-title" data-testid="sop-files">
      <h2 id="sop-files-title">{t("sopFiles.title")}</h2>
      <p class="muted small">{t("sopFiles.intro")}</p>
      <Boundary onRetry={reload}>
        <Show when={files()}>
          <Show when={files()!.items.length} fallback={<EmptyState title={t("files.emptyTitle")}>{isOwner() ? t("sopFiles.emptyBody") : undefined}</EmptyState>}>
            <FileList
              files={versions().latest}
              versions={versions().earlier}
              retentionDays={me().agency.files.retentionDays}
              {...(isOwner() ? { onDeleted: () => void reload(), onNewVersion: (file: FileView) => setReplacing(file) } : {})}
              label={t("sopFiles.title")}
            />
          </Show>
        </Show>
      </Boundary>
      <Show when={isOwner()}>
        <FileUpload
          target={replacing() ? { place: "sop", targetId: props.sopId, replaces: replacing()!.id } : { place: "sop", targetId: props.sopId }}
          label={replacing() ? t("files.newVersionOf", { name: replacing()!.name }) : t("files.attach")}
          keep={false}
          testId="sop-upload"
          onUploaded={() => {
            setReplacing(undefined);
            void reload();
          }}
        />
      </Show>
    </section>
  );
}
