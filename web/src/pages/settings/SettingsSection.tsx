import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { sectionSummary, sectionTitle, type SectionId } from "./sections";
import "./settings.css";

/** A Settings sub-page: a back link to the Settings index, the section's title and line, then its cards. */
export function SettingsSection(props: { id: SectionId; children: JSX.Element }) {
  const back = (
    <A href="/settings" class="back-link">
      ← {t("settings.back")}
    </A>
  );
  return (
    <section class="page" data-testid={`settings-${props.id}`}>
      <Title>{`${t(sectionTitle(props.id))} · ${t("settings.title")}`}</Title>
      <PageHeader back={back} title={t(sectionTitle(props.id))} intro={t(sectionSummary(props.id))} />
      {props.children}
    </section>
  );
}
