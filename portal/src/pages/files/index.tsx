import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { FileList, latestVersions, whereShared } from "@baton/ui/FileList";
import { t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { ListedFile } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { getFiles } from "./data";

/** Everything shared with the company: briefs, attachments, approved deliverables, documents. */
export default function Files() {
  const { me } = useSession();
  const first = createAsync(() => getFiles());
  const list = createPaged(first, (cursor) => api.files.mine({ cursor }));
  const versions = () => latestVersions(list.items());
  return (
    <section class="page">
      <Title>{t("portalFiles.title")}</Title>
      <PageHeader title={t("portalFiles.title")} intro={t("portalFiles.intro", { agency: me().agency.name })} />
      <Boundary onRetry={() => revalidate(getFiles.key)}>
        <Show when={first()}>
          <div class="card" data-testid="files-page">
            <Show when={list.items().length} fallback={<EmptyState title={t("files.emptyTitle")}>{t("portalFiles.emptyBody", { agency: me().agency.name })}</EmptyState>}>
              <FileList
                files={versions().latest}
                versions={versions().earlier}
                detail={(file) => whereShared(file as ListedFile)}
                label={t("portalFiles.title")}
              />
              <LoadMore list={list} />
            </Show>
          </div>
        </Show>
      </Boundary>
    </section>
  );
}
