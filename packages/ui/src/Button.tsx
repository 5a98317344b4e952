import { Show, splitProps, type JSX } from "solid-js";
import { Spinner } from "./Spinner";

export type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  /** Disables the button and shows a spinner while an action runs. */
  pending?: boolean;
};

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ["variant", "size", "pending", "class", "children", "type", "disabled"]);
  return (
    <button
      {...rest}
      type={local.type ?? "button"}
      class={buttonClass(local.variant, local.size, local.class)}
      disabled={local.disabled || local.pending}
      aria-busy={local.pending ? "true" : undefined}
    >
      <Show when={local.pending}>
        <Spinner size="sm" />
      </Show>
      {local.children}
    </button>
  );
}

/** The button look for links (`<A class={buttonClass("primary")}>`). */
export function buttonClass(variant: ButtonProps["variant"] = "secondary", size: ButtonProps["size"] = "md", extra?: string) {
  return ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", extra ?? ""].filter(Boolean).join(" ");
}
