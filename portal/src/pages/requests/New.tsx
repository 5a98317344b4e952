import { DateField } from "@baton/ui/DatePicker";
import { api, ApiError, conflictCurrent, isApiError } from "@baton/ui/api";
import { FileUpload, type Uploads } from "@baton/ui/FileUpload";
import { Button, buttonClass } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { CatalogService, Priority, RequestInput } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate } from "@solidjs/router";
import { createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { answersFor, QuestionControl, type Answers } from "@baton/ui/QuestionControl";
import { ServicePicker } from "./ServicePicker";
// The questions use the onboarding questionnaire's controls, and its styles (radios and checkboxes in a column).
import "../onboarding/onboarding.css";
import { getCompany, getRequests } from "../data";
import { priorityOptions } from "./shared";
import { todayIn } from "@baton/kernel/dates";
import { responseDue, type ResponsePromise } from "@baton/kernel/time";

type Values = { title: string; service: string; description: string; priority: Priority; desiredDueDate: string; links: string };

const serviceKeys = ["admin", "email", "calendar", "research", "content", "bookkeeping", "social", "support"] as const;

/** One address per line; "example.com/brief" gets https:// like a browser's address bar would. */
function parseLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((link) => (/^[a-z][a-z0-9+.-]*:/i.test(link) || !/^[^\s/]+\.[^\s]+$/.test(link) ? link : `https://${link}`));
}

export function toRequestInput(values: Values): RequestInput {
  return {
    title: values.title.trim(),
    service: values.service.trim(),
    description: values.description.trim(),
    priority: values.priority,
    links: parseLinks(values.links),
    ...(values.desiredDueDate ? { desiredDueDate: values.desiredDueDate } : {}),
  };
}


/**
 * A new request: the services this client may request first (search, by category, price and
 * turnaround), then the chosen one's own form; "something else" is the generic form. A client
 * offered no service goes straight to the generic form.
 */
export default function NewRequest() {
  const catalog = createAsync(() => api.catalog.list().then((page) => page.items, () => null));
  const [choice, setChoice] = createSignal<CatalogService | "other">();
  const header = (intro: string) => (
    <PageHeader
      back={
        <A href="/" class="back-link">
          ← {t("portal.request.back")}
        </A>
      }
      title={t("portal.new.title")}
      intro={intro}
    />
  );
  return (
    <section class="page page-narrow">
      <Title>{t("portal.new.title")}</Title>
      <Show when={catalog() !== undefined} fallback={<p class="muted">{t("common.loading")}</p>}>
        <Switch>
          <Match when={!catalog()?.length || choice() === "other"}>
            {header(t("portal.new.intro"))}
            <Show when={catalog() === null}>
              <p class="notice notice-warning" role="status">
                {t("portal.catalog.loadFailed")}
              </p>
            </Show>
            <Show when={catalog()?.length}>
              <ChangeService onChange={() => setChoice(undefined)} />
            </Show>
            <RequestForm service={null} />
          </Match>
          <Match when={typeof choice() === "object" && (choice() as CatalogService)}>
            {(service) => (
              <>
                {header(service().description ?? t("portal.new.intro"))}
                <ChangeService onChange={() => setChoice(undefined)} />
                <RequestForm service={service()} />
              </>
            )}
          </Match>
          <Match when={true}>
            {header(t("portal.catalog.intro"))}
            <ServicePicker services={catalog()!} onPick={(service) => setChoice(service)} onOther={() => setChoice("other")} />
          </Match>
        </Switch>
      </Show>
    </section>
  );
}

function ChangeService(props: { onChange: () => void }) {
  return (
    <p>
      <Button size="sm" variant="ghost" onClick={() => props.onChange()} data-testid="change-service">
        ← {t("portal.catalog.change")}
      </Button>
    </p>
  );
}

/** The generic form (`service` null), or a catalog service's: its questions stand in for the free-text service and description. */
function RequestForm(props: { service: CatalogService | null }) {
  const { me } = useSession();
  const navigate = useNavigate();
  // The service as last read: a 409 brings its current form, filled again from here.
  const [service, setService] = createSignal(props.service);
  const [formChanged, setFormChanged] = createSignal(false);
  const [answers, setAnswers] = createStore<Answers>({});
  const [values, setValues] = createStore<Values>({ title: props.service?.name ?? "", service: "", description: "", priority: "normal", desiredDueDate: "", links: "" });
  const submission = createSubmission();
  const [uploads, setUploads] = createSignal<Uploads>();
  const company = createAsync(() => getCompany().catch(() => undefined));
  // The promise's date moves with the clock while the form is open.
  const [now, setNow] = createSignal(new Date());
  const tick = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(tick));
  const promised = (promise: ResponsePromise) =>
    t(promise.unit === "days" ? "clients.promiseDays" : "clients.promiseHours", { count: promise.amount });
  /** When a request sent now would be answered, by the same rule the API stamps on it, in the client's zone. */
  const replyBy = (promise: ResponsePromise) => {
    const agency = me().agency;
    return formatDateTime(responseDue(now(), promise, agency.timeZone, { ...agency.workingWeek, holidays: agency.holidays }), me().timeZone);
  };

  /** The API names a bad link by its index ("links.1"); say which line it is. */
  const linksError = () => {
    const e = submission.error();
    if (!isApiError(e)) return undefined;
    const key = Object.keys(e.fields).find((name) => /^links\.\d+$/.test(name));
    if (key) return t("portal.new.linkError", { n: Number(key.split(".")[1]) + 1, message: e.fields[key]! });
    return submission.fieldError("links");
  };

  const submit = () =>
    submission.run(async () => {
      if (uploads()?.busy()) throw new ApiError(0, "files.busy", t("files.wait"));
      const chosen = service();
      const base = { ...toRequestInput(values), fileIds: uploads()?.ids() ?? [] };
      let created;
      try {
        created = chosen
          ? await api.requests.submit({ ...base, service: undefined, serviceId: chosen.id, formVersion: chosen.formVersion, answers: answersFor(chosen.form, answers) })
          : await api.requests.submit(base);
      } catch (e) {
        const current = conflictCurrent<CatalogService>(e);
        if (!current) throw e;
        setService(current);
        setFormChanged(true);
        return;
      }
      toast(t("portal.new.submittedReply", { reference: created.reference, date: formatDateTime(created.responseDueAt, me().timeZone) }));
      // Marks the list stale: it refetches when it is next shown.
      void revalidate(getRequests.key);
      navigate(`/requests/${encodeURIComponent(created.id)}`);
    });

  return (
    <>
      <Show when={formChanged()}>
        <p class="notice notice-warning" role="alert" data-testid="form-changed">
          {t("portal.catalog.formChanged")}
        </p>
      </Show>
      <div class="card">
        <Form submission={submission} onSubmit={submit} aria-label={t("portal.new.title")} data-testid="request-form">
          <TextField
            label={t("portal.field.title")}
            name="title"
            required
            maxlength={150}
            autocomplete="off"
            hint={t("portal.new.titleHint")}
            value={values.title}
            onValue={(title) => setValues({ title })}
            error={submission.fieldError("title")}
          />
          <Show when={service()?.form.length}>
            {/* Named "answers" so the form's summary leaves the questions' messages beside them. */}
            <fieldset name="answers" class="service-answers">
              <legend class="sr-only">{service()!.name}</legend>
              <For each={service()!.form}>
                {(question) => (
                  <QuestionControl
                    question={question}
                    value={answers[question.id]}
                    error={submission.fieldError(`answers.${question.id}`)}
                    onValue={(value) => setAnswers(question.id, value)}
                  />
                )}
              </For>
            </fieldset>
          </Show>
          <div class="field-row">
            <Show when={!service()}>
            <TextField
              label={t("portal.field.service")}
              name="service"
              required
              maxlength={60}
              autocomplete="off"
              list="portal-services"
              hint={t("portal.new.serviceHint")}
              value={values.service}
              onValue={(service) => setValues({ service })}
              error={submission.fieldError("service")}
            />
            </Show>
            <Select
              label={t("portal.field.priority")}
              name="priority"
              options={priorityOptions()}
              value={values.priority}
              onValue={(priority) => setValues({ priority: priority as Priority })}
              error={submission.fieldError("priority")}
            />
          </div>
          <datalist id="portal-services">
            <For each={serviceKeys}>{(key) => <option value={t(`portal.service.${key}`)} />}</For>
          </datalist>
          <TextArea
            label={service() ? t("portal.catalog.details") : t("portal.field.description")}
            name="description"
            required={!service()}
            rows={service() ? 4 : 8}
            maxlength={10_000}
            hint={t("portal.new.descriptionHint")}
            value={values.description}
            onValue={(description) => setValues({ description })}
            error={submission.fieldError("description")}
          />
          <DateField
            label={t("portal.field.desiredDueDate")}
            name="desiredDueDate"
            class="field-date"
            min={todayIn(me().timeZone)}
            hint={t("portal.new.dueHint")}
            value={values.desiredDueDate}
            onValue={(desiredDueDate) => setValues({ desiredDueDate })}
            error={submission.fieldError("desiredDueDate")}
          />
          <TextArea
            label={t("portal.field.links")}
            name="links"
            rows={3}
            inputmode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="https://"
            hint={t("portal.new.linksHint")}
            value={values.links}
            onValue={(links) => setValues({ links })}
            error={linksError()}
          />
          <FileUpload target={{ place: "request" }} label={t("portal.new.files")} hint={t("portal.new.filesHint")} ref={setUploads} testId="request-files" />
          <Show when={company()?.client.responsePromise}>
            {(promise) => (
              <p class="reply-promise" data-testid="reply-promise" role="note">
                {t("portal.new.promise", { promise: promised(promise()), date: replyBy(promise()) })}
              </p>
            )}
          </Show>
          <FormActions>
            <A href="/" class={buttonClass("secondary")}>
              {t("common.cancel")}
            </A>
            <Button type="submit" variant="primary" pending={submission.pending()}>
              {t("portal.new.submit")}
            </Button>
          </FormActions>
        </Form>
      </div>
    </>
  );
}
