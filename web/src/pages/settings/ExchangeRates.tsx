import { DateField } from "@baton/ui/DatePicker";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";

// The exchange rates the owner keeps, from each other currency to the agency's. Baton looks
// nothing up: an invoice sent in another currency stamps the rate kept here (reports convert at it).

const getRates = query(() => api.agency.rates(), "agency.rates");

export function ExchangeRatesCard() {
  const rates = createAsync(() => getRates());
  return (
    <section class="card" aria-labelledby="exchange-rates-title" data-testid="exchange-rates">
      <h2 id="exchange-rates-title">{t("rates.title")}</h2>
      <p class="muted small">{t("rates.intro")}</p>
      <Boundary onRetry={() => revalidate(getRates.key)}>
        <Show when={rates()} keyed>
          {(loaded) => (
            <>
              <Show when={loaded.rates.length} fallback={<p class="muted" data-testid="rates-empty">{t("rates.empty")}</p>}>
                <ul class="rate-list">
                  <For each={loaded.rates}>
                    {(rate) => (
                      <li data-testid="rate-row" data-currency={rate.currency}>
                        <span>{t("rates.line", { currency: rate.currency, rate: rate.rate, to: loaded.currency })}</span>
                        <span class="muted small"> · {formatDate(`${rate.date}T12:00:00Z`, "UTC")}</span>{" "}
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t("rates.removeLabel", { currency: rate.currency })}
                          onClick={async () => {
                            await api.agency.removeRate(rate.currency);
                            toast(t("rates.removed"));
                            await revalidate(getRates.key);
                          }}
                        >
                          {t("rates.remove")}
                        </Button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <RateForm agencyCurrency={loaded.currency} />
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function RateForm(props: { agencyCurrency: string }) {
  const [currency, setCurrency] = createSignal("");
  const [rate, setRate] = createSignal("");
  const [date, setDate] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.agency.setRate({ currency: currency().trim(), rate: rate().trim(), ...(date() ? { date: date() } : {}) });
      toast(t("rates.saved"));
      setCurrency("");
      setRate("");
      setDate("");
      await revalidate(getRates.key);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("rates.formLabel")}>
      <div class="rate-fields">
        <TextField label={t("rates.currency")} name="currency" maxlength={3} autocomplete="off" value={currency()} onValue={setCurrency} error={submission.fieldError("currency")} />
        <TextField label={t("rates.rate", { to: props.agencyCurrency })} name="rate" inputmode="decimal" value={rate()} onValue={setRate} error={submission.fieldError("rate")} />
        <DateField label={t("rates.date")} name="date" value={date()} onValue={setDate} error={submission.fieldError("date")} />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("rates.keep")}
        </Button>
      </FormActions>
    </Form>
  );
}
