import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { Title } from "@baton/ui/session";
import { Select } from "@baton/ui/Select";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { addDays, todayIn } from "@baton/kernel";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, Index, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getAllClients } from "../clients/data";
import { getPackages } from "../packages/data";
import { quoteKeys } from "./data";

type Line = { kind: "package" | "custom"; packageId: string; description: string; quantity: string; price: string };
const blankLine = (): Line => ({ kind: "package", packageId: "", description: "", quantity: "1", price: "" });

/** A new quote: for a request (?request=, its client's) or blank for a client; lines from the catalog or custom. */
export default function NewQuote() {
  const [params] = useSearchParams<{ request?: string; client?: string }>();
  const navigate = useNavigate();
  const clients = createAsync(() => getAllClients());
  const packages = createAsync(() => getPackages("active"));
  const request = createAsync(async () => (params.request ? api.requests.get(params.request) : undefined));
  const [values, setValues] = createStore({
    clientId: params.client ?? "",
    title: "",
    validUntil: "",
    terms: "",
    deposit: "",
    lines: [blankLine()] as Line[],
  });
  const client = () => clients()?.find((c) => c.id === values.clientId);
  // From a request: its client and title.
  createEffect(on(request, (r) => r && setValues({ clientId: r.request.clientId, title: r.request.title })));
  // Another client: their deposit terms, and two weeks of validity in their calendar.
  createEffect(
    on(client, (c) => {
      if (!c) return;
      setValues({ deposit: c.billing.depositRate ? String(c.billing.depositRate / 100) : "0" });
      if (!values.validUntil) setValues("validUntil", addDays(todayIn(c.timeZone), 14));
    }),
  );
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const c = client();
      const currency = c?.currency ?? "USD";
      const created = await api.quotes.create({
        ...(params.request ? { requestId: params.request } : { clientId: values.clientId }),
        title: values.title,
        validUntil: values.validUntil,
        ...(values.terms.trim() ? { terms: values.terms } : {}),
        depositPercent: Math.round(Number(values.deposit || "0") * 100),
        lines: values.lines.map((line) =>
          line.kind === "package"
            ? { kind: "package" as const, packageId: line.packageId, quantity: Number(line.quantity) }
            : { kind: "custom" as const, description: line.description, quantity: Number(line.quantity), unitAmount: Money.parseMajor(line.price, currency) ?? -1 },
        ),
      });
      toast(t("quotes.created"));
      void revalidate(quoteKeys);
      navigate(`/quotes/${encodeURIComponent(created.id)}`);
    });
  const back = (
    <A href="/quotes" class="back-link">
      ← {t("quotes.back")}
    </A>
  );
  return (
    <section class="page">
      <Title>{t("quotes.new")}</Title>
      <PageHeader back={back} title={t("quotes.new")} />
      <Boundary onRetry={() => revalidate(["clients.all", "packages."])}>
        <Show when={clients() && packages()}>
          <Form submission={submission} onSubmit={submit} aria-label={t("quotes.new")} data-testid="quote-form">
            <div class="card">
              <Show
                when={!params.request}
                fallback={
                  <p class="muted" data-testid="quote-request">
                    {t("quotes.forRequest", { reference: request()?.request.reference ?? "", client: request()?.client.name ?? "" })}
                  </p>
                }
              >
                <Select
                  label={t("quotes.field.client")}
                  name="clientId"
                  required
                  value={values.clientId}
                  onValue={(v) => setValues("clientId", v)}
                  options={[{ value: "", label: t("quotes.chooseClient") }, ...(clients() ?? []).map((c) => ({ value: c.id, label: c.name }))]}
                  error={submission.fieldError("clientId")}
                />
              </Show>
              <TextField label={t("quotes.field.title")} name="title" required maxlength={150} value={values.title} onValue={(v) => setValues("title", v)} error={submission.fieldError("title")} />
            </div>
            <div class="card">
              <h2>{t("quotes.lines")}</h2>
              <Index each={values.lines}>
                {(line, index) => (
                  <fieldset class="invoice-line-fields" data-testid="quote-line">
                    <legend class="sr-only">{t("quotes.lineN", { number: String(index + 1) })}</legend>
                    <Select
                      label={t("quotes.lineKind")}
                      name={`lines.${index}.kind`}
                      value={line().kind}
                      onValue={(v) => setValues("lines", index, "kind", v as Line["kind"])}
                      options={[
                        { value: "package", label: t("quotes.kind.package") },
                        { value: "custom", label: t("quotes.kind.custom") },
                      ]}
                    />
                    <Show
                      when={line().kind === "package"}
                      fallback={
                        <>
                          <TextField label={t("quotes.field.description")} name={`lines.${index}.description`} value={line().description} onValue={(v) => setValues("lines", index, "description", v)} error={submission.fieldError(`lines.${index}.description`)} />
                          <TextField label={t("quotes.field.price", { currency: client()?.currency ?? "" })} name={`lines.${index}.price`} inputmode="decimal" value={line().price} onValue={(v) => setValues("lines", index, "price", v)} error={submission.fieldError(`lines.${index}.unitAmount`)} />
                        </>
                      }
                    >
                      <Select
                        label={t("quotes.field.service")}
                        name={`lines.${index}.packageId`}
                        value={line().packageId}
                        onValue={(v) => setValues("lines", index, "packageId", v)}
                        options={[{ value: "", label: t("quotes.chooseService") }, ...(packages()?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
                        error={submission.fieldError(`lines.${index}.packageId`)}
                      />
                    </Show>
                    <TextField label={t("quotes.field.quantity")} name={`lines.${index}.quantity`} class="field-qty" inputmode="numeric" value={line().quantity} onValue={(v) => setValues("lines", index, "quantity", v)} error={submission.fieldError(`lines.${index}.quantity`)} />
                    <Show when={values.lines.length > 1}>
                      <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => setValues("lines", (lines) => lines.filter((_, i) => i !== index))}>{t("quotes.removeLine", { number: String(index + 1) })}</Button>
                    </Show>
                  </fieldset>
                )}
              </Index>
              <Show when={submission.fieldError("lines")}>
                <p class="field-error">{submission.fieldError("lines")}</p>
              </Show>
              <Show when={values.lines.length < 20}>
                <Button onClick={() => setValues("lines", (lines) => [...lines, blankLine()])} data-testid="add-line">
                  {t("quotes.addLine")}
                </Button>
              </Show>
            </div>
            <div class="card">
              <TextField label={t("quotes.field.validUntil")} name="validUntil" type="date" required value={values.validUntil} onValue={(v) => setValues("validUntil", v)} error={submission.fieldError("validUntil")} />
              <TextField label={t("quotes.field.deposit")} name="depositPercent" inputmode="decimal" hint={t("quotes.depositHint")} value={values.deposit} onValue={(v) => setValues("deposit", v)} error={submission.fieldError("depositPercent")} />
              <TextArea label={t("quotes.field.terms")} name="terms" maxlength={5000} value={values.terms} onValue={(v) => setValues("terms", v)} error={submission.fieldError("terms")} />
            </div>
            <FormActions>
              <Button type="submit" variant="primary" pending={submission.pending()} data-testid="quote-create">
                {t("quotes.create")}
              </Button>
            </FormActions>
          </Form>
        </Show>
      </Boundary>
    </section>
  );
}

