import { splitProps, type JSX } from "solid-js";
import { Field } from "./Field";

type Common = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  onValue?: (value: string) => void;
};

export type TextFieldProps = Common & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "onInput">;

export function TextField(props: TextFieldProps) {
  const [local, rest] = splitProps(props, ["label", "hint", "error", "onValue", "id", "class", "required"]);
  return (
    <Field label={local.label} hint={local.hint} error={local.error} id={local.id} required={local.required} class={local.class}>
      {(control) => (
        <input
          type="text"
          {...rest}
          id={control.id}
          required={local.required}
          aria-invalid={control.invalid ? "true" : undefined}
          aria-describedby={control.describedBy}
          onInput={(e) => local.onValue?.(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export type TextAreaProps = Common & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "onInput">;

export function TextArea(props: TextAreaProps) {
  const [local, rest] = splitProps(props, ["label", "hint", "error", "onValue", "id", "class", "required"]);
  return (
    <Field label={local.label} hint={local.hint} error={local.error} id={local.id} required={local.required} class={local.class}>
      {(control) => (
        <textarea
          rows={4}
          {...rest}
          id={control.id}
          required={local.required}
          aria-invalid={control.invalid ? "true" : undefined}
          aria-describedby={control.describedBy}
          onInput={(e) => local.onValue?.(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
