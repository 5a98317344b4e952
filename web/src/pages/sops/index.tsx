import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, formatNumber, t } from "@baton/ui/i18n";
import { ListTable } from "@baton/ui/ListTable";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { SopDetail } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, ErrorBoundary, For, on, onCleanup, Show, Suspense } from "solid-js";
import { createStore } from "solid-js/store";
import { categoriesOf, getAllSops, getSops, sopKeys, useCategories } from "./data";
import { checklistOf, SopFields, type SopValues } from "./SopForm";

/** The agency's SOP library: search, filter by category; the owner writes new ones. */
export default function Sops() {
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  const [params, setParams] = useSearchParams<{ q?: string; category?: string }>();
  const q = () => (typeof params.q === "string" ? params.q.trim().slice(0, 100) : "");
  const category = () => (typeof params.category === "string" ? params.category : "");
  const first = createAsync(() => getSops(q(), category()));
  const list = createPaged(first, (cursor) => api.sops.list({ cursor, q: q() || undefined, category: category() || undefined }));
  const [creating, setCreating] = createSignal(false);
  const navigate = useNavigate();

  // The search box updates the address (and so the list) once typing pauses.
  const [term, setTerm] = createSignal(q());
  createEffect(on(q, (value) => value !== term().trim() && setTerm(value), { defer: true }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (value: string) => {
    setTerm(value);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), 300);
  };
  onCleanup(() => clearTimeout(timer));

  const newButton = () =>
    isOwner() ? (
      <Button variant="primary" onClick={() => setCreating(true)}>
        {t("sops.new")}
      </Button>
    ) : undefined;

  return (
    <section class="page">
      <Title>{t("sops.title")}</Title>
      <PageHeader title={t("sops.title")} intro={isOwner() ? t("sops.intro") : t("sops.introReadOnly")} actions={newButton()} />
      <form
        class="toolbar"
        role="search"
        aria-label={t("sops.searchLabel")}
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer);
          setParams({ q: term().trim() || undefined });
        }}
      >
        <TextField label={t("sops.search")} name="q" type="search" class="field-inline field-search" value={term()} onValue={search} autocomplete="off" />
        <CategoryFilter value={category()} onValue={(value) => setParams({ category: value || undefined })} />
      </form>
      <Boundary onRetry={() => revalidate(getSops.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show
              when={q() || category()}
              fallback={
                <EmptyState title={t("sops.emptyTitle")} action={newButton()}>
                  {isOwner() ? t("sops.emptyBody") : t("sops.emptyBodyReadOnly")}
                </EmptyState>
              }
            >
              <EmptyState
                title={t("sops.emptyFiltered")}
                action={
                  <Button
                    onClick={() => {
                      setTerm("");
                      setParams({ q: undefined, category: undefined });
                    }}
                  >
                    {t("sops.clearFilter")}
                  </Button>
                }
              />
            </Show>
          }
        >
          <ListTable
            caption={t("sops.title")}
            rows={list.items()}
            rowProps={(sop) => ({ "data-testid": "sop-row", "data-title": sop.title })}
            columns={[
              {
                label: () => t("sops.fieldTitle"),
                cell: (sop) => (
                  <A href={`/sops/${encodeURIComponent(sop.id)}`} class="cell-title">
                    {sop.title}
                  </A>
                ),
              },
              { label: () => t("sops.category"), cell: (sop) => <span class="chip">{sop.category}</span> },
              { label: () => t("sops.steps"), cell: (sop) => formatNumber(sop.checklistLength) },
              { label: () => t("sops.version"), cell: (sop) => t("sops.versionNumber", { number: sop.latestVersion }) },
              { label: () => t("sops.updated"), cell: (sop) => formatDate(sop.updatedAt) },
            ]}
          />
          <LoadMore list={list} />
        </Show>
      </Boundary>
      <Show when={isOwner()}>
        <Dialog open={creating()} title={t("sops.newTitle")} onClose={() => setCreating(false)} wide>
          <CreateSopForm
            onClose={() => setCreating(false)}
            onCreated={(sop) => {
              setCreating(false);
              toast(t("sops.created", { title: sop.title }));
              void revalidate(sopKeys);
              navigate(`/sops/${encodeURIComponent(sop.id)}`);
            }}
          />
        </Dialog>
      </Show>
    </section>
  );
}

function CategoryFilter(props: { value: string; onValue: (value: string) => void }) {
  const picker = (categories: string[]) => (
    <Select
      label={t("sops.filterCategory")}
      name="category"
      class="field-inline"
      options={[{ value: "", label: t("sops.allCategories") }, ...categories.map((c) => ({ value: c, label: c }))]}
      value={props.value}
      onValue={props.onValue}
    />
  );
  const Loaded = () => {
    const all = createAsync(() => getAllSops());
    const categories = () => {
      const found = categoriesOf(all() ?? []);
      return props.value && !found.includes(props.value) ? [props.value, ...found] : found;
    };
    return picker(categories());
  };
  return (
    <ErrorBoundary fallback={picker(props.value ? [props.value] : [])}>
      <Suspense fallback={picker(props.value ? [props.value] : [])}>
        <Loaded />
      </Suspense>
    </ErrorBoundary>
  );
}

function CreateSopForm(props: { onClose: () => void; onCreated: (sop: SopDetail) => void }) {
  const [values, setValues] = createStore<SopValues>({ title: "", category: "", body: "", steps: [], note: "" });
  const submission = createSubmission();
  const categories = useCategories();
  const submit = () =>
    submission.run(async () => {
      const sop = await api.sops.create({
        title: values.title.trim(),
        category: values.category.trim(),
        body: values.body,
        checklist: checklistOf(values),
      });
      props.onCreated(sop);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("sops.newTitle")}>
      <SopFields values={values} set={setValues} submission={submission} categories={categories()} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("sops.create")}
        </Button>
      </FormActions>
    </Form>
  );
}
