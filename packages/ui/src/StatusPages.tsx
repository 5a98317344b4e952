import { A } from "@solidjs/router";
import { buttonClass } from "./Button";
import { t } from "./i18n";
import { Title } from "./session";

export function NotFoundPage() {
  return (
    <section class="status-page">
      <Title>{t("notFound.title")}</Title>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <A href="/" class={buttonClass("primary")}>
        {t("common.goHome")}
      </A>
    </section>
  );
}

export function NotAllowedPage() {
  return (
    <section class="status-page" data-testid="not-allowed">
      <Title>{t("notAllowed.title")}</Title>
      <h1>{t("notAllowed.title")}</h1>
      <p>{t("notAllowed.body")}</p>
      <A href="/" class={buttonClass("primary")}>
        {t("common.goHome")}
      </A>
    </section>
  );
}
