import { createSignal, For } from "solid-js";
import { t } from "./i18n";

type Toast = { id: number; message: string; tone: "success" | "error" | "info" };

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

export function dismissToast(id: number) {
  setToasts((list) => list.filter((toast) => toast.id !== id));
}

/** Shows a short message in the polite live region for a few seconds. */
export function toast(message: string, tone: Toast["tone"] = "success") {
  const id = nextId++;
  setToasts((list) => [...list, { id, message, tone }]);
  setTimeout(() => dismissToast(id), tone === "error" ? 8000 : 5000);
}

/** Mount once per app; the region stays in the DOM so screen readers pick up additions. */
export function Toaster() {
  return (
    <div class="toaster" role="status" aria-live="polite" aria-atomic="false">
      <For each={toasts()}>
        {(item) => (
          <div class={`toast toast-${item.tone}`} data-testid="toast">
            <span>{item.message}</span>
            <button type="button" class="toast-close" aria-label={t("common.dismiss")} onClick={() => dismissToast(item.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
