import { createSignal, createUniqueId, For, onCleanup, Show } from "solid-js";
import { isApiError } from "./api";
import { Button } from "./Button";
import { intlLocale, t } from "./i18n";
import { useSession } from "./session";
import type { FileView } from "./types";
import { formatSize, uploadFile, UploadCancelled, type Target } from "./uploads";
import "./files.css";

// Several files at once, dropped or chosen: each goes straight to the bucket with its own
// progress bar and "Cancel upload" (never a bare "Cancel": the form around it has one that leaves
// the form), and is checked by the API before it counts as attached. The form it sits in reads the
// ready files' ids (and waits while any is still going).

type Item = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: "uploading" | "checking" | "ready" | "failed" | "cancelled";
  error?: string;
  file?: FileView;
  controller: AbortController;
};

export type Uploads = {
  /** The ids of the files uploaded and checked, in the order they were added. */
  ids: () => string[];
  /** True while any file is still uploading. */
  busy: () => boolean;
  /** Forgets everything (after the form was sent). */
  clear: () => void;
};

export function FileUpload(props: {
  target: Target;
  label: string;
  hint?: string;
  /** Receives the control once: the form reads ids and busy through it. */
  ref?: (uploads: Uploads) => void;
  /** Called with each file once it is checked (for pickers that act at once, like a client's folder). */
  onUploaded?: (file: FileView) => void;
  /** Keep finished files listed (a form's attachments); off for pickers that hand each file on. */
  keep?: boolean;
  testId?: string;
}) {
  const { me } = useSession();
  const id = createUniqueId();
  const [items, setItems] = createSignal<Item[]>([]);
  const [dragging, setDragging] = createSignal(false);
  let input!: HTMLInputElement;
  const settings = () => me().agency.files;

  const update = (key: string, change: Partial<Item>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  function add(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const item: Item = { key: `${Date.now()}-${Math.random()}`, name: file.name, size: file.size, loaded: 0, state: "uploading", controller: new AbortController() };
      setItems((list) => [...list, item]);
      void uploadFile(
        file,
        props.target,
        (loaded) => update(item.key, loaded >= file.size ? { loaded, state: "checking" } : { loaded }),
        item.controller.signal,
      ).then(
        (uploaded) => {
          update(item.key, { state: "ready", loaded: file.size, file: uploaded });
          props.onUploaded?.(uploaded);
          if (props.keep === false) setItems((list) => list.filter((entry) => entry.key !== item.key));
        },
        (error: unknown) => {
          if (error instanceof UploadCancelled) update(item.key, { state: "cancelled" });
          else update(item.key, { state: "failed", error: isApiError(error) ? error.message : String(error) });
        },
      );
    }
  }

  function remove(item: Item) {
    if (item.state === "uploading" || item.state === "checking") item.controller.abort();
    setItems((list) => list.filter((entry) => entry.key !== item.key));
  }

  // Leaving the page cancels what is still going.
  onCleanup(() => items().forEach((item) => item.state === "uploading" && item.controller.abort()));

  props.ref?.({
    ids: () => items().flatMap((item) => (item.state === "ready" && item.file ? [item.file.id] : [])),
    busy: () => items().some((item) => item.state === "uploading" || item.state === "checking"),
    clear: () => setItems([]),
  });

  const uploading = () => items().filter((item) => item.state === "uploading" || item.state === "checking").length;
  const kinds = () => settings().extensions.join(", ");

  return (
    <div class="file-upload" data-testid={props.testId ?? "file-upload"}>
      <span class="field-label" id={`${id}-label`}>
        {props.label}
      </span>
      <div
        class="drop-zone"
        classList={{ "drop-zone-active": dragging() }}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer?.files.length) add(e.dataTransfer.files);
        }}
        data-testid="drop-zone"
      >
        <span>{t("files.drop")} </span>
        <button type="button" class="link-button" aria-describedby={`${id}-hint`} onClick={() => input.click()}>
          {t("files.choose")}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          class="sr-only"
          tabindex="-1"
          aria-labelledby={`${id}-label`}
          accept={settings().extensions.join(",")}
          onChange={(e) => {
            if (e.currentTarget.files?.length) add(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint ? `${props.hint} ` : ""}
          {t("files.limits", { size: formatSize(settings().maxFileBytes, intlLocale()), types: kinds() })}
        </p>
      </div>
      <Show when={items().length}>
        <p class="sr-only" role="status">
          {uploading() ? t("files.uploadingCount", { count: uploading() }) : ""}
        </p>
        <ul class="upload-list">
          <For each={items()}>{(item) => <UploadRow item={item} onRemove={() => remove(item)} />}</For>
        </ul>
      </Show>
    </div>
  );
}

function UploadRow(props: { item: Item; onRemove: () => void }) {
  const percent = () => (props.item.size ? Math.floor((props.item.loaded / props.item.size) * 100) : 100);
  const going = () => props.item.state === "uploading" || props.item.state === "checking";
  return (
    <li class="upload-row" data-testid="upload-row" data-state={props.item.state}>
      <div class="upload-main">
        <span class="upload-name">{props.item.name}</span>
        <Show when={going()}>
          <div
            class="upload-bar"
            role="progressbar"
            aria-label={props.item.name}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow={percent()}
            aria-valuetext={t("files.progress", { percent: percent(), size: formatSize(props.item.size, intlLocale()) })}
          >
            <div class="upload-bar-fill" style={{ width: `${percent()}%` }} />
          </div>
        </Show>
        <span class="muted small upload-status">
          {props.item.state === "uploading"
            ? t("files.progress", { percent: percent(), size: formatSize(props.item.size, intlLocale()) })
            : props.item.state === "checking"
              ? t("files.checking")
              : props.item.state === "ready"
                ? `${t("files.ready")} · ${formatSize(props.item.size, intlLocale())}`
                : props.item.state === "cancelled"
                  ? t("files.cancelled")
                  : ""}
        </span>
        <Show when={props.item.state === "failed"}>
          <span class="field-error upload-error" role="alert">
            {t("files.failed", { message: props.item.error ?? "" })}
          </span>
        </Show>
      </div>
      <Button size="sm" variant="ghost" aria-label={going() ? t("files.cancelNamed", { name: props.item.name }) : t("files.removeNamed", { name: props.item.name })} onClick={() => props.onRemove()}>
        {going() ? t("files.cancelUpload") : t("files.remove")}
      </Button>
    </li>
  );
}
