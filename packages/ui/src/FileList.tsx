import { createSignal, For, Show } from "solid-js";
import { api } from "./api";
import { buttonClass, Button } from "./Button";
import { ConfirmDialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission } from "./Form";
import { formatDate, intlLocale, t } from "./i18n";
import { toast } from "./Toast";
import type { FileView, ListedFile } from "./types";
import { formatSize } from "./uploads";
import "./files.css";

// Files as people see them: a preview for safe images (served inline by the API's redirect),
// a name that is always text, the size, who and when, and a download link that mints a fresh
// presigned URL on every click.

export type FileListProps = {
  files: FileView[];
  compact?: boolean;
  /** Extra line under a file's name (where it was shared, which submission). */
  detail?: (file: FileView) => string | undefined;
  /** Shows Delete (the owner): called after the file was deleted. */
  onDeleted?: (file: FileView) => void;
  retentionDays?: number;
  /** Shows "New version" for a file (client folder, SOP). */
  onNewVersion?: (file: FileView) => void;
  /** Earlier versions of a file, listed under it as links. */
  versions?: (file: FileView) => FileView[];
  label?: string;
};

/** Where a listed file was shared: its request, or the client's folder. */
export function whereShared(file: ListedFile): string {
  const place = t(`files.place.${file.place}`);
  const round = file.round ? ` · ${t("files.round", { number: file.round })}` : "";
  return file.request ? `${place}${round} · ${t("files.in", { reference: file.request.reference, title: file.request.title })}` : place;
}

/** The newest version of each document, each with its earlier ones (newest first). */
export function latestVersions<T extends FileView>(files: T[]): { latest: T[]; earlier: (file: FileView) => T[] } {
  const latest = files.filter((file) => !file.supersededBy);
  const earlier = (file: FileView) => files.filter((other) => other.seriesId === file.seriesId && other.id !== file.id).sort((a, b) => b.seriesVersion - a.seriesVersion);
  return { latest, earlier };
}

export function FileList(props: FileListProps) {
  const [deleting, setDeleting] = createSignal<FileView>();
  const submission = createSubmission();
  const remove = (file: FileView) =>
    submission.run(async () => {
      await api.files.remove(file.id);
      setDeleting(undefined);
      toast(t("files.deleted", { name: file.name }));
      props.onDeleted?.(file);
    });
  return (
    <>
      <ul class="file-list" classList={{ "file-list-compact": props.compact }} aria-label={props.label} data-testid="file-list">
        <For each={props.files}>
          {(file) => (
            <li class="file-row" data-testid="file-row" data-name={file.name}>
              <Show when={file.preview} fallback={<span class="file-icon" aria-hidden="true">{file.extension}</span>}>
                <a href={api.files.viewUrl(file.id)} target="_blank" rel="noopener">
                  <img class="file-thumb" src={api.files.viewUrl(file.id)} alt={t("files.previewOf", { name: file.name })} loading="lazy" />
                </a>
              </Show>
              <div class="file-main">
                <a class="file-name" href={api.files.downloadUrl(file.id)} download={file.name} aria-label={t("files.downloadNamed", { name: file.name })} data-testid="file-download">
                  {file.name}
                </a>
                <span class="muted small">
                  {t("files.meta", { size: formatSize(file.size, intlLocale()), name: file.uploadedBy.name, date: formatDate(file.createdAt) })}
                  <Show when={file.seriesVersion > 1}> · {t("files.version", { number: file.seriesVersion })}</Show>
                </span>
                <Show when={props.detail?.(file)}>{(line) => <span class="muted small">{line()}</span>}</Show>
                <Show when={props.versions?.(file).length}>
                  <details>
                    <summary class="small">{t("files.versionsEarlier", { count: props.versions!(file).length })}</summary>
                    <ul class="file-versions">
                      <For each={props.versions!(file)}>
                        {(old) => (
                          <li>
                            <a href={api.files.downloadUrl(old.id)} download={old.name}>
                              {t("files.version", { number: old.seriesVersion })}: {old.name}
                            </a>{" "}
                            <span class="muted">{formatDate(old.createdAt)}</span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </details>
                </Show>
              </div>
              <div class="file-actions">
                <Show when={!props.compact}>
                  <a class={buttonClass("secondary", "sm")} href={api.files.downloadUrl(file.id)} download={file.name} tabindex="-1" aria-hidden="true">
                    {t("files.download")}
                  </a>
                </Show>
                <Show when={props.onNewVersion && !file.supersededBy && (file.place === "client" || file.place === "sop")}>
                  <Button size="sm" variant="ghost" aria-label={t("files.newVersionOf", { name: file.name })} onClick={() => props.onNewVersion!(file)}>
                    {t("files.newVersion")}
                  </Button>
                </Show>
                <Show when={props.onDeleted}>
                  <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("files.deleteNamed", { name: file.name })} onClick={() => setDeleting(file)}>
                    {t("files.delete")}
                  </Button>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
      <ConfirmDialog
        open={!!deleting()}
        title={t("files.deleteTitle")}
        message={t("files.deleteBody", { name: deleting()?.name ?? "", days: props.retentionDays ?? 30 })}
        confirmLabel={t("files.delete")}
        danger
        pending={submission.pending()}
        error={<ErrorMessage error={submission.error()} />}
        onConfirm={() => {
          const file = deleting();
          if (file) void remove(file);
        }}
        onClose={() => setDeleting(undefined)}
      />
    </>
  );
}
