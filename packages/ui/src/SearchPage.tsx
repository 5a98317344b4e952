import { A, createAsync, query, revalidate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { api } from "./api";
import { Boundary } from "./Boundary";
import { EmptyState } from "./EmptyState";
import { t, type MessageKey } from "./i18n";
import { LoadMore } from "./LoadMore";
import { createPaged } from "./paged";
import { Title } from "./session";
import { PageHeader } from "./Shell";
import { TextField } from "./TextField";
import type { SearchResult } from "./types";
import "./search.css";

// One search page for both apps (issue 22): the API decides what this viewer may open; each app
// says where a result leads. The address holds the words (?q=), so a search can be shared and
// the Back button returns to it.

export const getSearch = query((q: string) => (q ? api.search({ q }) : Promise.resolve({ items: [], cursor: null })), "search.results");

const kindLabel: Record<SearchResult["kind"], MessageKey> = {
  client: "search.kind.client",
  request: "search.kind.request",
  task: "search.kind.task",
  invoice: "search.kind.invoice",
  sop: "search.kind.sop",
  quote: "search.kind.quote",
};

/** What a result is called: an invoice's number (a draft has none), else its title. */
export function resultTitle(result: SearchResult): string {
  if (result.kind === "invoice") return result.reference ?? t("search.draftInvoice");
  return result.title;
}

export function SearchPage(props: { intro: string; hrefOf: (result: SearchResult) => string }) {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const q = () => (typeof params.q === "string" ? params.q.trim().slice(0, 100) : "");
  const first = createAsync(() => getSearch(q()));
  const list = createPaged(first, (cursor) => api.search({ q: q(), cursor }));

  const [term, setTerm] = createSignal(q());
  createEffect(on(q, (value) => value !== term().trim() && setTerm(value), { defer: true }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const type = (value: string) => {
    setTerm(value);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), 300);
  };
  onCleanup(() => clearTimeout(timer));

  return (
    <section class="page">
      <Title>{t("search.title")}</Title>
      <PageHeader title={t("search.title")} intro={props.intro} />
      <form
        class="toolbar search-form"
        role="search"
        aria-label={t("search.title")}
        onSubmit={(event) => {
          event.preventDefault();
          clearTimeout(timer);
          setParams({ q: term().trim() || undefined });
        }}
      >
        <TextField
          label={t("search.label")}
          name="q"
          type="search"
          class="search-field"
          value={term()}
          onValue={type}
          autocomplete="off"
          spellcheck={false}
          maxLength={100}
          autofocus
          data-testid="search-input"
        />
      </form>
      <Show when={q()} fallback={<EmptyState title={t("search.startTitle")}>{t("search.startBody")}</EmptyState>}>
        <Boundary onRetry={() => revalidate(getSearch.key)}>
          <Show when={list.items().length > 0} fallback={<EmptyState title={t("search.none", { query: q() })}>{t("search.noneBody")}</EmptyState>}>
            <ul class="search-results" aria-label={t("search.results")} data-testid="search-results">
              <For each={list.items()}>
                {(result) => (
                  <li class="search-result" data-kind={result.kind} data-testid="search-result">
                    <span class="chip">{t(kindLabel[result.kind])}</span>
                    <A href={props.hrefOf(result)} class="search-result-title">
                      {resultTitle(result)}
                    </A>
                    <Show when={result.kind !== "invoice" && result.reference}>
                      <code class="search-result-ref">{result.reference}</code>
                    </Show>
                    <Show when={result.client}>
                      <span class="search-result-client">{result.client!.name}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <LoadMore list={list} />
        </Boundary>
      </Show>
    </section>
  );
}
