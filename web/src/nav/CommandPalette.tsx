import { closeEvents } from "@baton/ui/Dialog";
import { t, type MessageKey } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { useNavigate } from "@solidjs/router";
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, Show } from "solid-js";
import { everyDestination } from "./destinations";
import { Icon, type IconName } from "./icons";
import { rank } from "./match";
import { findRecords, type PaletteRecord, type RecordKind } from "./palette-source";

// Ctrl/⌘-K: type part of a page's name, a client, a request's or a task's title or reference,
// and go there. A combobox over a listbox (WAI-ARIA 1.2): focus stays in the field, the arrow
// keys move the highlighted option, Enter opens it, Escape closes.

type Option = { id: string; kind: "page" | RecordKind | "search"; title: string; reference?: string | undefined; detail?: string | undefined; href: string; icon: IconName };
type Section = { kind: Option["kind"]; label: MessageKey; options: Option[] };

const recordIcon: Record<RecordKind, IconName> = { client: "clients", request: "requests", task: "work", invoice: "invoices", sop: "sops", quote: "invoices" };
const sectionLabel: Record<Option["kind"], MessageKey> = {
  page: "palette.pages",
  client: "palette.clients",
  request: "palette.requests",
  task: "palette.tasks",
  invoice: "palette.invoices",
  sop: "palette.sops",
  quote: "quotes.nav",
  search: "search.title",
};
const DEBOUNCE_MS = 150;

/** Whether the palette is on screen now (the dialog's own state, never a copy that may lag it). */
export const paletteShown = () => Boolean(document.querySelector<HTMLDialogElement>("dialog.palette")?.open);

export function CommandPalette(props: { open: boolean; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  const closing = closeEvents(() => dialog, props);
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="palette"
      aria-label={t("palette.title")}
      onCancel={closing.onCancel}
      onClose={closing.onClose}
      // A click on the backdrop (the dialog element itself, outside its panel) closes it.
      onClick={(event) => event.target === dialog && props.onClose()}
    >
      <Show when={props.open}>
        <PaletteBody onClose={props.onClose} />
      </Show>
    </dialog>
  );
}

function PaletteBody(props: { onClose: () => void }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [query, setQuery] = createSignal("");
  const [records, setRecords] = createSignal<PaletteRecord[]>([]);
  const [state, setState] = createSignal<"idle" | "loading" | "error">("idle");
  const [active, setActive] = createSignal(0);

  const pages = createMemo(() =>
    everyDestination(me()).map((page): Option => ({ id: page.id, kind: "page", title: t(page.label), href: page.href, icon: page.icon })),
  );

  // Records are looked up once typing pauses; an answer to an older query is dropped.
  let asked = 0;
  createEffect(
    on(query, (text) => {
      const ticket = ++asked;
      if (!text.trim()) {
        setRecords([]);
        setState("idle");
        return;
      }
      setState("loading");
      const timer = setTimeout(() => {
        findRecords(text, me()).then(
          (found) => {
            if (ticket !== asked) return;
            setRecords(found);
            setState("idle");
          },
          () => ticket === asked && setState("error"),
        );
      }, DEBOUNCE_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );

  const sections = createMemo((): Section[] => {
    const text = query();
    const found: Section[] = [{ kind: "page", label: sectionLabel.page, options: text.trim() ? rank(text, pages(), 8) : pages() }];
    for (const kind of ["client", "request", "task", "invoice", "sop", "quote"] as const) {
      const options = records()
        .filter((record) => record.kind === kind)
        .map((record): Option => ({ ...record, id: `${kind}-${record.id}`, icon: recordIcon[kind] }));
      found.push({ kind, label: sectionLabel[kind], options });
    }
    // Every result, paged, on the search page.
    if (text.trim() && state() === "idle" && records().length > 0) {
      const href = `/search?q=${encodeURIComponent(text.trim().slice(0, 100))}`;
      found.push({ kind: "search", label: sectionLabel.search, options: [{ id: "search-all", kind: "search", title: t("palette.allResults", { query: text.trim() }), href, icon: "search" }] });
    }
    return found.filter((section) => section.options.length > 0);
  });
  const flat = createMemo(() => sections().flatMap((section) => section.options));
  // Typing starts the highlight over at the best match.
  createEffect(on(flat, () => setActive(0)));
  const optionId = (option: Option) => `${id}-${option.id}`;
  const activeOption = () => flat()[Math.min(active(), flat().length - 1)];

  function go(option: Option | undefined) {
    if (!option) return;
    props.onClose();
    navigate(option.href);
  }

  function onKeyDown(event: KeyboardEvent) {
    const count = flat().length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!count) return;
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
      document.getElementById(optionId(activeOption()!))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(activeOption());
    }
  }

  const status = () => {
    if (state() === "error") return t("palette.error");
    if (state() === "loading") return t("palette.searching");
    const found = flat().filter((option) => option.kind !== "search").length;
    if (!found) return t("palette.none", { query: query().trim() });
    return t("palette.results", { count: found });
  };

  return (
    <div class="palette-panel">
      <div class="palette-field">
        <Icon name="search" />
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeOption() ? optionId(activeOption()!) : undefined}
          aria-label={t("palette.label")}
          placeholder={t("palette.placeholder")}
          autocomplete="off"
          spellcheck={false}
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          autofocus
          data-testid="palette-input"
        />
        <kbd class="nav-kbd" aria-hidden="true">
          Esc
        </kbd>
      </div>
      <div class="palette-list" id={`${id}-list`} role="listbox" aria-label={t("palette.title")}>
        <For each={sections()}>
          {(section) => (
            <div role="group" aria-labelledby={`${id}-${section.kind}`}>
              <div role="presentation" class="palette-section" id={`${id}-${section.kind}`}>
                {t(section.label)}
              </div>
              <For each={section.options}>
                {(option) => (
                  <div
                    role="option"
                    id={optionId(option)}
                    class="palette-option"
                    aria-selected={activeOption() === option}
                    data-kind={option.kind}
                    onMouseMove={() => setActive(flat().indexOf(option))}
                    onClick={() => go(option)}
                  >
                    <Icon name={option.icon} />
                    <span class="palette-title">{option.title}</span>
                    <Show when={option.reference}>
                      <code class="palette-ref">{option.reference}</code>
                    </Show>
                    <Show when={option.detail}>
                      <span class="palette-detail">{option.detail}</span>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          )}
        </For>
      </div>
      <p class="palette-status" role="status">
        {status()}
      </p>
    </div>
  );
}
