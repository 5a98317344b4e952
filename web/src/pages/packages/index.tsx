import { api, conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { ServicePackage } from "@baton/ui/types";
import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show, type JSX } from "solid-js";
import { expireOnLeave } from "../../lib/work";
import { money } from "../invoices/format";
import { getPackages, packageFilters, packageKeys, parsePackageFilter, priced } from "./data";
import { PackageForm } from "./PackageForm";

/** The owner's package library, by name: create, edit, archive and restore. */
export default function Packages() {
  const [params, setParams] = useSearchParams<{ status?: string }>();
  const filter = () => parsePackageFilter(params.status);
  const packages = createAsync(() => getPackages(filter()));
  expireOnLeave(() => packageKeys);
  const [creating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<ServicePackage>();
  const [changed, setChanged] = createSignal(false);
  const action = createSubmission();

  /** Archives or restores; a 409 means it changed elsewhere: reload the list and say so. */
  const setStatus = (pkg: ServicePackage, status: "active" | "archived") =>
    action.run(async () => {
      setChanged(false);
      try {
        const saved = await api.packages.update(pkg.id, { version: pkg.version, status });
        toast(status === "archived" ? t("packages.archivedToast", { name: saved.name }) : t("packages.restoredToast", { name: saved.name }));
      } catch (e) {
        if (!conflictCurrent(e)) throw e;
        setChanged(true);
      }
      await revalidate(packageKeys);
    });

  const newButton = () => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("packages.new")}
    </Button>
  );
  const saved = (message: string) => {
    setCreating(false);
    setEditing(undefined);
    toast(message);
    void revalidate(packageKeys);
  };

  return (
    <section class="page">
      <Title>{t("packages.title")}</Title>
      <PageHeader title={t("packages.title")} intro={t("packages.intro")} actions={newButton()} />
      <div class="toolbar">
        <Select
          label={t("packages.filter")}
          name="status"
          class="field-inline"
          options={packageFilters.map((value) => ({ value, label: t(`packages.filter.${value}`) }))}
          value={filter()}
          onValue={(value) => setParams({ status: value === "active" ? undefined : value })}
        />
      </div>
      <Show when={changed()}>
        <p class="notice notice-warning status-notice" role="alert">
          {t("packages.changedElsewhere")}
        </p>
      </Show>
      <ErrorMessage error={action.error()} />
      <Boundary onRetry={() => revalidate(packageKeys)}>
        <Show when={packages()}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<Empty filter={filter()} action={newButton()} showActive={() => setParams({ status: undefined })} />}>
              <div class="table-wrap">
                <table class="table table-stack" data-testid="package-table">
                  <caption class="sr-only">{t("packages.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("packages.name")}</th>
                      <th scope="col">{t("packages.deliverables")}</th>
                      <th scope="col">{t("packages.prices")}</th>
                      <th scope="col">
                        <span class="sr-only">{t("common.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list().items}>
                      {(pkg) => (
                        <tr data-testid="package-row" data-name={pkg.name} data-status={pkg.status}>
                          <th scope="row" class="row-head" data-label={t("packages.name")}>
                            <span class="cell-title">{pkg.name}</span>
                            <Show when={pkg.status === "archived"}>
                              {" "}
                              <Badge>{t("packages.archived")}</Badge>
                            </Show>
                            <Show when={pkg.description}>
                              <div class="cell-sub prewrap">{pkg.description}</div>
                            </Show>
                            <div class="cell-sub" data-testid="package-catalog">
                              {[
                                pkg.category,
                                pkg.turnaroundDays ? t("packages.turnaroundDays", { count: pkg.turnaroundDays }) : null,
                                pkg.form.length ? t("packages.formQuestions", { count: pkg.form.length }) : null,
                                t(`packages.visibleTo.${pkg.visibility}`),
                              ]
                                .filter(Boolean)
                                .join(" · ")}
                            </div>
                          </th>
                          <td data-label={t("packages.deliverables")}>
                            <Show when={pkg.deliverables.length} fallback={<span class="muted">{t("packages.noDeliverables")}</span>}>
                              <ul class="link-list" data-testid="package-deliverables">
                                <For each={pkg.deliverables}>{(deliverable) => <li>{deliverable}</li>}</For>
                              </ul>
                            </Show>
                          </td>
                          <td data-label={t("packages.prices")}>
                            <Show when={pkg.priceModel !== "quote"} fallback={<span class="muted">{t("packages.model.quote")}</span>}>
                              <ul class="chips" data-testid="package-prices">
                                <For each={pkg.prices}>
                                  {(price) => (
                                    <li class="chip" data-currency={price.currency}>
                                      {priced(pkg.priceModel, money(price.amount, price.currency))}
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </td>
                          <td class="cell-actions">
                            <Button size="sm" aria-label={t("common.editNamed", { name: pkg.name })} onClick={() => setEditing(pkg)}>
                              {t("common.edit")}
                            </Button>{" "}
                            <Show
                              when={pkg.status === "active"}
                              fallback={
                                <Button size="sm" variant="ghost" aria-label={t("packages.restoreNamed", { name: pkg.name })} disabled={action.pending()} onClick={() => void setStatus(pkg, "active")}>
                                  {t("packages.restore")}
                                </Button>
                              }
                            >
                              <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("packages.archiveNamed", { name: pkg.name })} disabled={action.pending()} onClick={() => void setStatus(pkg, "archived")}>
                                {t("packages.archive")}
                              </Button>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Boundary>
      <Dialog open={creating()} title={t("packages.newTitle")} onClose={() => setCreating(false)} wide>
        <PackageForm onClose={() => setCreating(false)} onSaved={(pkg) => saved(t("packages.created", { name: pkg.name }))} />
      </Dialog>
      <Dialog open={!!editing()} title={t("packages.editTitle")} onClose={() => setEditing(undefined)} wide>
        <Show when={editing()}>{(pkg) => <PackageForm package={pkg()} onClose={() => setEditing(undefined)} onSaved={(p) => saved(t("packages.saved", { name: p.name }))} />}</Show>
      </Dialog>
    </section>
  );
}

function Empty(props: { filter: "active" | "archived" | "all"; action: JSX.Element; showActive: () => void }) {
  return (
    <Show
      when={props.filter !== "archived"}
      fallback={<EmptyState title={t("packages.emptyArchived")} action={<Button onClick={() => props.showActive()}>{t("packages.showActive")}</Button>} />}
    >
      <EmptyState title={props.filter === "all" ? t("packages.emptyTitle") : t("packages.emptyActive")} action={props.action}>
        {t("packages.emptyBody")}
      </EmptyState>
    </Show>
  );
}
