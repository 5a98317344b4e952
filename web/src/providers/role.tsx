import { t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { NotAllowedPage } from "@baton/ui/StatusPages";
import { buttonClass } from "@baton/ui/Button";
import { A, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";

export const useIsOwner = () => {
  const { me } = useSession();
  return () => me().role === "owner";
};

/** Wraps owner-only routes; everyone else gets the "not allowed" page. */
export function OwnerOnly(props: RouteSectionProps) {
  const isOwner = useIsOwner();
  return (
    <Show when={isOwner()} fallback={<NotAllowedPage />}>
      {props.children}
    </Show>
  );
}

/** Wraps QA routes: the owner and members marked as QA reviewers. */
export function ReviewersOnly(props: RouteSectionProps) {
  const { me } = useSession();
  return (
    <Show
      when={me().role === "owner" || me().reviewer}
      fallback={
        <section class="status-page" data-testid="not-allowed">
          <Title>{t("notAllowed.title")}</Title>
          <h1>{t("notAllowed.title")}</h1>
          <p>{t("qa.notAllowed")}</p>
          <A href="/work" class={buttonClass("primary")}>
            {t("work.goToMyWork")}
          </A>
        </section>
      }
    >
      {props.children}
    </Show>
  );
}
