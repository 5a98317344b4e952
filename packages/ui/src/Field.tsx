import { createUniqueId, Show, type JSX } from "solid-js";

export type FieldControl = { id: string; describedBy: string | undefined; invalid: boolean };

export type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  id?: string | undefined;
  class?: string;
  children: (control: FieldControl) => JSX.Element;
};

/** Label, hint and error around one control, wired together with ids for screen readers. */
export function Field(props: FieldProps) {
  const generated = createUniqueId();
  const id = () => props.id ?? `f-${generated}`;
  const describedBy = () =>
    [props.hint ? `${id()}-hint` : "", props.error ? `${id()}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field ${props.class ?? ""}`} classList={{ "field-invalid": !!props.error }}>
      <label class="field-label" for={id()}>
        {props.label}
        <Show when={props.required}>
          <span class="required" aria-hidden="true">
            {" *"}
          </span>
        </Show>
      </label>
      {props.children({
        get id() {
          return id();
        },
        get describedBy() {
          return describedBy();
        },
        get invalid() {
          return !!props.error;
        },
      })}
      <Show when={props.hint}>
        <p class="field-hint" id={`${id()}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id()}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
