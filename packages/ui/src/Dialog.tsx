import { createEffect, createUniqueId, Show, type JSX } from "solid-js";
import { Button } from "./Button";
import { t } from "./i18n";

export type DialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  description?: string;
  children: JSX.Element;
  /** Wider body for long forms. */
  wide?: boolean;
};

/**
 * A native <dialog>'s "cancel" and "close" handlers, keeping the app's open state true to the screen. Escape fires
 * "cancel" at once but "close" a little later: closing on "cancel" lets the opener used straight after (a click, a
 * Ctrl-K) open it again, and a late "close" for a dialog opened again since is not a close.
 */
export function closeEvents(dialog: () => HTMLDialogElement, props: { open: boolean; onClose: () => void }) {
  return {
    onCancel: () => props.open && props.onClose(),
    onClose: () => props.open && !dialog().open && props.onClose(),
  };
}

/**
 * A modal on the native <dialog>: the browser makes the page behind it inert (focus stays
 * inside), closes it on Escape and gives focus back to the opener afterwards.
 * The body is only rendered while open, so forms inside start fresh each time.
 */
export function Dialog(props: DialogProps) {
  let el!: HTMLDialogElement;
  const id = createUniqueId();
  const closing = closeEvents(() => el, props);
  createEffect(() => {
    if (props.open && !el.open) {
      el.showModal();
      // Prefer the first field over the close button when nothing asked for autofocus.
      const body = ".dialog-body";
      const target =
        el.querySelector<HTMLElement>("[autofocus]") ??
        el.querySelector<HTMLElement>(`${body} input, ${body} select, ${body} textarea, ${body} button`);
      target?.focus();
    } else if (!props.open && el.open) {
      el.close();
    }
  });
  return (
    <dialog
      ref={el}
      class="dialog"
      classList={{ "dialog-wide": props.wide }}
      aria-labelledby={`dlg-${id}-title`}
      aria-describedby={props.description ? `dlg-${id}-desc` : undefined}
      onCancel={closing.onCancel}
      onClose={closing.onClose}
    >
      <Show when={props.open}>
        <div class="dialog-panel">
          <header class="dialog-header">
            <h2 id={`dlg-${id}-title`}>{props.title}</h2>
            <button type="button" class="dialog-close" aria-label={t("common.close")} onClick={() => props.onClose()}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <Show when={props.description}>
            <p id={`dlg-${id}-desc`} class="dialog-description">
              {props.description}
            </p>
          </Show>
          <div class="dialog-body">{props.children}</div>
        </div>
      </Show>
    </dialog>
  );
}

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: JSX.Element;
  onConfirm: () => void;
  onClose: () => void;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <p>{props.message}</p>
      {props.error}
      <div class="form-actions">
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button variant={props.danger ? "danger" : "primary"} pending={props.pending} onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
