import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A } from "@solidjs/router";
import { For } from "solid-js";
import { SECTIONS, sectionHref, sectionSummary, sectionTitle } from "./sections";
import "./settings.css";

/** The agency's settings: a short list of sub-pages, one job each; the cards live on those pages. */
export default function Settings() {
  return (
    <section class="page">
      <Title>{t("settings.title")}</Title>
      <PageHeader title={t("settings.title")} intro={t("settings.intro")} />
      <ul class="settings-index" data-testid="settings-index">
        <For each={SECTIONS}>
          {(id) => (
            <li>
              <A href={sectionHref(id)} class="card settings-index-link">
                <span class="settings-index-title">{t(sectionTitle(id))}</span>
                <span class="muted small">{t(sectionSummary(id))}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
