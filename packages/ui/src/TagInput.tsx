import { createSignal, For } from "solid-js";
import { Field } from "./Field";
import { t } from "./i18n";

export type TagInputProps = {
  label: string;
  value: string[];
  onValue: (value: string[]) => void;
  name?: string;
  hint?: string | undefined;
  error?: string | undefined;
  id?: string;
  placeholder?: string;
};

const split = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Free-text tags: type and press Enter or a comma to add; pasting "a, b, c" adds three.
 * Whatever is still typed is committed on blur, so filling the field and submitting works.
 */
export function TagInput(props: TagInputProps) {
  const [text, setText] = createSignal("");

  const add = (tags: string[]) => {
    const next = [...props.value];
    for (const tag of tags) if (!next.some((t) => t.toLowerCase() === tag.toLowerCase())) next.push(tag);
    if (next.length !== props.value.length) props.onValue(next);
  };
  const commit = () => {
    const tags = split(text());
    setText("");
    add(tags);
  };
  const remove = (tag: string) => props.onValue(props.value.filter((t) => t !== tag));

  return (
    <Field label={props.label} hint={props.hint ?? t("field.tagsHint")} error={props.error} id={props.id}>
      {(control) => (
        <div class="tag-input" classList={{ "tag-input-invalid": control.invalid }}>
          <ul class="tag-list">
            <For each={props.value}>
              {(tag) => (
                <li class="tag">
                  <span>{tag}</span>
                  <button type="button" class="tag-remove" aria-label={t("common.removeItem", { item: tag })} onClick={() => remove(tag)}>
                    ×
                  </button>
                </li>
              )}
            </For>
          </ul>
          <input
            id={control.id}
            name={props.name}
            type="text"
            autocomplete="off"
            placeholder={props.placeholder}
            aria-invalid={control.invalid ? "true" : undefined}
            aria-describedby={control.describedBy}
            value={text()}
            onInput={(e) => {
              const value = e.currentTarget.value;
              if (!value.includes(",")) return setText(value);
              const parts = value.split(",");
              const rest = parts.pop() ?? "";
              add(split(parts.join(",")));
              setText(rest.trimStart());
              e.currentTarget.value = rest.trimStart();
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && text().trim()) {
                e.preventDefault();
                commit();
              } else if (e.key === "Backspace" && !text() && props.value.length) {
                remove(props.value[props.value.length - 1]!);
              }
            }}
            onBlur={commit}
          />
        </div>
      )}
    </Field>
  );
}
