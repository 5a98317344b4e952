import { createEffect, createSignal, on, type JSX } from "solid-js";
import { isApiError } from "./api";
import { ErrorMessage } from "./ErrorMessage";
import { Button } from "./Button";
import { t } from "./i18n";
import { toast } from "./Toast";

export type Submission = ReturnType<typeof createSubmission>;

/** Pending/error state of one form or action, and the API's field errors by input name. */
export function createSubmission() {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  /** Runs `fn`, keeping any error for display; resolves to whether it succeeded. */
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    if (pending()) return false;
    setPending(true);
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setPending(false);
    }
  }

  /** The message for input `name`; "skills.0" style paths count for "skills". */
  function fieldError(name: string): string | undefined {
    const e = error();
    if (!isApiError(e)) return undefined;
    if (e.fields[name]) return e.fields[name];
    const nested = Object.keys(e.fields).find((key) => key.startsWith(name + ".") || key.startsWith(name + "["));
    return nested ? e.fields[nested] : undefined;
  }

  return { pending, error, setError, run, fieldError, clear: () => setError(undefined) };
}

/**
 * A form's save over a versioned record: writes, reads the record again (which makes the form anew), and only then
 * says how it went, so what is typed after the message is kept. A stale version (409 "conflict") is told by
 * `conflict` (by default the "changed meanwhile" toast), not thrown; any other error is thrown, for the form to
 * show, and nothing is read again.
 */
export async function saveThenReread<R>(
  write: () => Promise<R>,
  reread: () => Promise<unknown>,
  say: { saved: (result: R) => void; conflict?: () => void },
): Promise<void> {
  let outcome: () => void;
  try {
    const result = await write();
    outcome = () => say.saved(result);
  } catch (e) {
    if (!isApiError(e) || e.status !== 409 || e.code !== "conflict") throw e;
    outcome = say.conflict ?? (() => toast(t("common.conflict"), "error"));
  }
  await reread();
  outcome();
}

export type FormProps = {
  submission: Submission;
  onSubmit: () => void;
  children: JSX.Element;
  class?: string;
  "aria-label"?: string;
  "data-testid"?: string;
};

/**
 * A form that shows its submission's error above the fields and moves focus to the first
 * field the API rejected. Field errors without a matching input on screen are listed in
 * the message so none is lost.
 */
export function Form(props: FormProps) {
  let form!: HTMLFormElement;
  const unshown = (): [string, string][] => {
    const e = props.submission.error();
    if (!isApiError(e)) return [];
    // Shown at its input: one named as the field ("lines.1.unitAmount") or as its first part ("skills").
    return Object.entries(e.fields).filter(([name]) => !form.querySelector(`[name="${CSS.escape(name)}"], [name="${CSS.escape(name.split(/[.[]/)[0]!)}"]`));
  };
  createEffect(
    on(
      () => props.submission.error(),
      (e) => {
        if (isApiError(e) && Object.keys(e.fields).length) {
          form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        }
      },
      { defer: true },
    ),
  );
  return (
    <form
      ref={form}
      class={`form ${props.class ?? ""}`}
      aria-label={props["aria-label"]}
      data-testid={props["data-testid"]}
      aria-busy={props.submission.pending() ? "true" : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <ErrorMessage error={props.submission.error()} fields={unshown()} />
      {props.children}
    </form>
  );
}

export function FormActions(props: { children: JSX.Element }) {
  return <div class="form-actions">{props.children}</div>;
}

/** A form's one action: Save, busy while the submission runs. */
export function SaveActions(props: { submission: Submission }) {
  return (
    <FormActions>
      <Button type="submit" variant="primary" pending={props.submission.pending()}>
        {t("common.save")}
      </Button>
    </FormActions>
  );
}
