import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";

/** Placeholder: being built. */
export default function Page() {
  return (
    <section class="page">
      <Title>{t("app.name")}</Title>
    </section>
  );
}
