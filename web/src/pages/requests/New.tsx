import { DateField } from "@baton/ui/DatePicker";
import { api, ApiError, conflictCurrent } from "@baton/ui/api";
import { Button, buttonClass } from "@baton/ui/Button";
import { FileUpload, type Uploads } from "@baton/ui/FileUpload";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { answersFor, QuestionControl, type Answers } from "@baton/ui/QuestionControl";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { priceText } from "@baton/ui/service-price";
import type { CatalogService, Priority } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getClients } from "../clients/data";
import { getRequests } from "./data";

// The owner files a request on a client's behalf (issue 18): the client, then one of the services
// that client sees in their catalog (its own form) or "something else" (the generic form), files
// attached to the client. The API checks it exactly as it checks the portal's.

const OTHER = "other";
const priorities = ["low", "normal", "high", "urgent"] as const satisfies readonly Priority[];

export default function NewRequest() {
  const [params] = useSearchParams<{ client?: string }>();
  const navigate = useNavigate();
  const clients = createAsync(() => getClients("").then((page) => page.items, () => null));
  const [clientId, setClientId] = createSignal(typeof params.client === "string" ? params.client : "");
  // Each client sees their own catalog (visibility, currency): read for the client chosen.
  const [catalogVersion, setCatalogVersion] = createSignal(0);
  const catalog = createAsync(async () => {
    const id = clientId();
    catalogVersion();
    if (!id) return [];
    return api.catalog.ofClient(id).then((page) => page.items, () => null);
  });
  const [serviceId, setServiceId] = createSignal("");
  const service = () => (serviceId() && serviceId() !== OTHER ? (catalog() ?? []).find((s) => s.id === serviceId()) : undefined);
  const [answers, setAnswers] = createStore<Answers>({});
  const [values, setValues] = createStore({ title: "", service: "", description: "", priority: "normal" as Priority, desiredDueDate: "" });
  const [formChanged, setFormChanged] = createSignal(false);
  const [uploads, setUploads] = createSignal<Uploads>();
  const submission = createSubmission();

  const pickService = (id: string) => {
    setServiceId(id);
    setFormChanged(false);
    const chosen = (catalog() ?? []).find((s) => s.id === id);
    if (chosen && !values.title) setValues({ title: chosen.name });
  };

  const submit = () =>
    submission.run(async () => {
      if (uploads()?.busy()) throw new ApiError(0, "files.busy", t("files.wait"));
      const chosen = service();
      const base = {
        clientId: clientId(),
        title: values.title.trim(),
        description: values.description.trim(),
        priority: values.priority,
        fileIds: uploads()?.ids() ?? [],
        ...(values.desiredDueDate ? { desiredDueDate: values.desiredDueDate } : {}),
      };
      let created;
      try {
        created = chosen
          ? await api.requests.submit({ ...base, serviceId: chosen.id, formVersion: chosen.formVersion, answers: answersFor(chosen.form, answers) })
          : await api.requests.submit({ ...base, service: values.service.trim() });
      } catch (e) {
        if (!conflictCurrent<CatalogService>(e)) throw e;
        // The service's form changed meanwhile: read the catalog again and ask for another look.
        setCatalogVersion((n) => n + 1);
        setFormChanged(true);
        return;
      }
      void revalidate(getRequests.key);
      toast(t("requests.newFiled", { reference: created.reference }));
      navigate(`/requests/${encodeURIComponent(created.id)}`);
    });

  return (
    <section class="page page-narrow">
      <Title>{t("requests.newTitle")}</Title>
      <PageHeader
        back={
          <A href="/requests" class="back-link">
            ← {t("requests.title")}
          </A>
        }
        title={t("requests.newTitle")}
        intro={t("requests.newIntro")}
      />
      <Show when={clients() !== null} fallback={<p class="notice notice-warning" role="alert">{t("requests.newClientsFailed")}</p>}>
        <div class="card">
          <Form submission={submission} onSubmit={submit} aria-label={t("requests.newTitle")} data-testid="new-request-form">
            <Select
              label={t("requests.newClient")}
              name="clientId"
              required
              options={[{ value: "", label: clients() ? t("requests.newChooseClient") : t("common.loading") }, ...(clients() ?? []).map((client) => ({ value: client.id, label: `${client.name} (${client.code})` }))]}
              value={clientId()}
              onValue={(id) => {
                setClientId(id);
                setServiceId("");
              }}
              error={submission.fieldError("clientId")}
            />
            <Show when={clientId()}>
              <Show when={catalog() !== null} fallback={<p class="notice notice-warning" role="status">{t("portal.catalog.loadFailed")}</p>}>
                <Select
                  label={t("portal.field.service")}
                  name="serviceId"
                  required
                  hint={catalog()?.length ? t("requests.newServiceHint") : t("requests.newNoServices")}
                  options={[
                    { value: "", label: t("requests.newChooseService") },
                    ...(catalog() ?? []).map((s) => ({ value: s.id, label: `${s.category ? `${s.category} · ` : ""}${s.name} — ${priceText(s)}` })),
                    { value: OTHER, label: t("portal.catalog.other") },
                  ]}
                  value={serviceId()}
                  onValue={pickService}
                  error={submission.fieldError("serviceId")}
                />
              </Show>
            </Show>
            <Show when={formChanged()}>
              <p class="notice notice-warning" role="alert" data-testid="form-changed">
                {t("portal.catalog.formChanged")}
              </p>
            </Show>
            <Show when={service()}>
              {(chosen) => (
                <Show when={chosen().description || chosen().turnaroundDays}>
                  <p class="muted" data-testid="service-facts">
                    {chosen().description}
                    <Show when={chosen().turnaroundDays}>{(days) => <> {t("portal.catalog.turnaround", { count: days() })}</>}</Show>
                  </p>
                </Show>
              )}
            </Show>
            <Show when={serviceId()}>
              <TextField
                label={t("portal.field.title")}
                name="title"
                required
                maxlength={150}
                autocomplete="off"
                value={values.title}
                onValue={(title) => setValues({ title })}
                error={submission.fieldError("title")}
              />
              <Show when={service()?.form.length}>
                <fieldset name="answers" class="plain-fieldset service-answers">
                  <legend class="sr-only">{service()!.name}</legend>
                  <For each={service()!.form}>
                    {(question) => (
                      <QuestionControl question={question} value={answers[question.id]} error={submission.fieldError(`answers.${question.id}`)} onValue={(value) => setAnswers(question.id, value)} />
                    )}
                  </For>
                </fieldset>
              </Show>
              <Show when={serviceId() === OTHER}>
                <TextField
                  label={t("portal.field.service")}
                  name="service"
                  required
                  maxlength={60}
                  autocomplete="off"
                  value={values.service}
                  onValue={(text) => setValues({ service: text })}
                  error={submission.fieldError("service")}
                />
              </Show>
              <TextArea
                label={service() ? t("portal.catalog.details") : t("portal.field.description")}
                name="description"
                required={!service()}
                rows={service() ? 3 : 6}
                maxlength={10_000}
                value={values.description}
                onValue={(description) => setValues({ description })}
                error={submission.fieldError("description")}
              />
              <div class="field-row">
                <Select
                  label={t("portal.field.priority")}
                  name="priority"
                  options={priorities.map((value) => ({ value, label: t(`portal.priority.${value}`) }))}
                  value={values.priority}
                  onValue={(priority) => setValues({ priority: priority as Priority })}
                  error={submission.fieldError("priority")}
                />
                <DateField
                  label={t("portal.field.desiredDueDate")}
                  name="desiredDueDate"
                  value={values.desiredDueDate}
                  onValue={(desiredDueDate) => setValues({ desiredDueDate })}
                  error={submission.fieldError("desiredDueDate")}
                />
              </div>
              <FileUpload target={{ place: "request", targetId: clientId() }} label={t("portal.new.files")} ref={setUploads} testId="request-files" />
            </Show>
            <FormActions>
              <A href="/requests" class={buttonClass("secondary")}>
                {t("common.cancel")}
              </A>
              <Button type="submit" variant="primary" pending={submission.pending()} disabled={!serviceId()}>
                {t("requests.newSubmit")}
              </Button>
            </FormActions>
          </Form>
        </div>
      </Show>
    </section>
  );
}
