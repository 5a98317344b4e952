import { Show, type JSX } from "solid-js";
import { createFormBase } from "./form-base";

/**
 * A form made from a loaded record (see createFormBase): `children` gets the record it was made from and the call
 * that has it made anew from the next read (after its own save or conflict). Other reads leave it as typed, unless
 * they are of another record (`identity`) or a field it `shows` changed.
 */
export function FormFrom<T>(props: {
  latest: () => T | undefined;
  identity: (value: T) => unknown;
  shows?: ReadonlyArray<keyof T & string>;
  children: (base: T, remakeOnNextRead: () => void) => JSX.Element;
}) {
  const { base, remakeOnNextRead } = createFormBase(props.latest, props.identity, props.shows);
  return (
    <Show when={base()} keyed>
      {(loaded) => props.children(loaded, remakeOnNextRead)}
    </Show>
  );
}
