import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { SavedCard } from "@baton/ui/types";
import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { getCard } from "./data";

/**
 * The company's payment method: the saved card (brand, last 4, expiry), saving or replacing it on
 * Stripe's page, removing it, and autopay of retainer invoices. Without Stripe there is nothing
 * here (the nav has no entry; a typed address says so).
 */
export default function CardPage() {
  const { me } = useSession();
  const card = createAsync(() => getCard());
  const [search] = useSearchParams<{ saved?: string }>();
  const [pending, setPending] = createSignal<"save" | "remove" | "autopay">();
  const [error, setError] = createSignal<unknown>();
  const [notice, setNotice] = createSignal<string>();
  const refresh = () => revalidate(getCard.key);

  // Back from Stripe: its webhook may land a moment after the browser does, so look again a few times.
  onMount(() => {
    if (search.saved !== "1") return;
    let tries = 0;
    const timer = setInterval(() => {
      if (card()?.card || ++tries > 10) clearInterval(timer);
      else void refresh();
    }, 1000);
    onCleanup(() => clearInterval(timer));
  });

  async function act(kind: "save" | "remove" | "autopay", run: () => Promise<unknown>, done?: string) {
    setPending(kind);
    setError(undefined);
    setNotice(undefined);
    try {
      await run();
      await refresh();
      if (done) setNotice(done);
    } catch (e) {
      setError(e);
    } finally {
      setPending(undefined);
    }
  }

  const save = () =>
    act("save", async () => {
      const { url } = await api.portal.saveCard();
      // The browser leaves for Stripe's page.
      window.location.assign(url);
      await new Promise(() => undefined);
    });

  const agency = () => me().agency.name;

  return (
    <section class="page">
      <Title>{t("portal.card.title")}</Title>
      <PageHeader title={t("portal.card.title")} intro={t("portal.card.intro", { agency: agency() })} />
      <Boundary onRetry={() => void refresh()}>
        <Show when={card()}>
          {(view) => (
            <Show when={view().enabled} fallback={<div class="card"><EmptyState title={t("portal.card.emptyTitle")}>{t("portal.card.unavailable", { agency: agency() })}</EmptyState></div>}>
              <div class="card" data-testid="card-page">
                <ErrorMessage error={error()} />
                <Show when={notice()}>
                  <p role="status" class="muted">{notice()}</p>
                </Show>
                <Show
                  when={view().card}
                  fallback={
                    <>
                      <Show when={search.saved === "1"}>
                        <p role="status" class="muted">{t("portal.card.savedPending")}</p>
                      </Show>
                      <EmptyState title={t("portal.card.emptyTitle")}>{t("portal.card.emptyBody", { agency: agency() })}</EmptyState>
                      <p>
                        <Button variant="primary" pending={pending() === "save"} onClick={() => void save()} data-testid="card-save">
                          {t("portal.card.save")}
                        </Button>
                      </p>
                      <p class="small muted">{t("portal.card.hint")}</p>
                    </>
                  }
                >
                  {(saved) => (
                    <>
                      <p class="card-summary" data-testid="card-summary">
                        <strong>{t("portal.card.summary", { brand: brandName(saved().brand), last4: saved().last4 })}</strong>
                        <br />
                        <span class="muted">{t("portal.card.expires", { month: String(saved().expMonth).padStart(2, "0"), year: String(saved().expYear) })}</span>
                      </p>
                      <AutopaySwitch view={view()} agency={agency()} pending={pending() === "autopay"} onChange={(on) => act("autopay", () => api.portal.setAutopay({ version: view().version, autopay: on }), t(on ? "portal.card.autopayOn" : "portal.card.autopayOff"))} />
                      <div class="actions" style={{ display: "flex", gap: "0.75rem", "flex-wrap": "wrap", "margin-top": "1rem" }}>
                        <Button pending={pending() === "save"} onClick={() => void save()}>
                          {t("portal.card.replace")}
                        </Button>
                        <Button variant="danger" pending={pending() === "remove"} onClick={() => void act("remove", () => api.portal.removeCard(), t("portal.card.removed"))} data-testid="card-remove">
                          {t("portal.card.remove")}
                        </Button>
                      </div>
                    </>
                  )}
                </Show>
              </div>
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

/** Stripe's brand codes as people write them (a name, not a translation). */
function brandName(brand: string): string {
  const names: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", unionpay: "UnionPay", diners: "Diners Club" };
  return names[brand] ?? brand;
}

function AutopaySwitch(props: { view: SavedCard; agency: string; pending: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="email-switch">
      <label for="autopay-switch" style={{ display: "flex", "align-items": "center", gap: "0.6rem", "font-weight": "600" }}>
        <input
          id="autopay-switch"
          type="checkbox"
          role="switch"
          style={{ width: "1.15rem", height: "1.15rem", margin: "0", "flex-shrink": "0" }}
          checked={props.view.autopay}
          aria-busy={props.pending ? "true" : undefined}
          aria-describedby="autopay-switch-hint"
          data-testid="autopay-switch"
          onClick={(e) => props.pending && e.preventDefault()}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {t("portal.card.autopay")}
      </label>
      <p class="field-hint" id="autopay-switch-hint" style={{ "margin-top": "0.35rem" }}>
        {t("portal.card.autopayHint", { agency: props.agency })}
      </p>
    </div>
  );
}
