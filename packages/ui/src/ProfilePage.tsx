import { createSignal, createUniqueId, For, Show, type JSX } from "solid-js";
import { api } from "./api";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission, Form, SaveActions } from "./Form";
import { availableLocales, localeLabel, setLocale, t, type MessageKey } from "./i18n";
import { Select, TimeZoneSelect } from "./Select";
import { Title, useSession } from "./session";
import { PageHeader } from "./Shell";
import { TextField } from "./TextField";
import { toast } from "./Toast";
import type { Locale } from "./types";

/** The signed-in person's profile; an app adds cards of its own below (`children`). */
export function ProfilePage(props: { children?: JSX.Element }) {
  const session = useSession();
  const me = session.me;
  const [name, setName] = createSignal(me().name);
  const [timeZone, setTimeZone] = createSignal(me().timeZone);
  const [locale, setLocaleValue] = createSignal<Locale>(me().locale);
  const submission = createSubmission();

  const localeOptions = () => {
    const list = availableLocales();
    // Keep a saved locale visible even before its translation ships.
    const all = list.includes(me().locale) ? list : [me().locale, ...list];
    return all.map((code) => ({ value: code, label: localeLabel(code) }));
  };

  const save = () =>
    submission.run(async () => {
      const updated = await api.me.update({ name: name().trim(), timeZone: timeZone(), locale: locale() });
      await setLocale(updated.locale);
      await session.refresh();
      toast(t("profile.saved"));
    });

  return (
    <section class="page page-narrow">
      <Title>{t("profile.title")}</Title>
      <PageHeader title={t("profile.title")} intro={t("profile.intro")} />
      <div class="card">
        <dl class="facts">
          <div>
            <dt>{t("field.email")}</dt>
            <dd>{me().email}</dd>
          </div>
          <div>
            <dt>{t("field.role")}</dt>
            <dd>{t(`role.${me().role}`)}</dd>
          </div>
        </dl>
        <Form submission={submission} onSubmit={save} aria-label={t("profile.title")}>
          <TextField
            label={t("field.name")}
            name="name"
            required
            autocomplete="name"
            value={name()}
            onValue={setName}
            error={submission.fieldError("name")}
          />
          <TimeZoneSelect name="timeZone" value={timeZone()} onValue={setTimeZone} error={submission.fieldError("timeZone")} />
          <Show when={localeOptions().length > 0}>
            <Select
              label={t("field.language")}
              name="locale"
              options={localeOptions()}
              value={locale()}
              onValue={(v) => setLocaleValue(v as Locale)}
              error={submission.fieldError("locale")}
            />
          </Show>
          <SaveActions submission={submission} />
        </Form>
      </div>
      <NotificationsCard />
      {props.children}
    </section>
  );
}

type EmailSwitchKey = "emailNotifications" | "messageEmails" | "digestEmails" | "surveyEmails" | "invoiceEmails";

/** Each kind of email a person may turn off, as the profile shows it; clients get three more. */
const switches: { key: EmailSwitchKey; testId: string; label: MessageKey; hint: (client: boolean) => MessageKey; on: MessageKey; off: MessageKey; clientOnly?: boolean }[] = [
  {
    key: "emailNotifications",
    testId: "email-notifications",
    label: "profile.notificationsLabel",
    hint: (client) => (client ? "profile.notificationsHintClient" : "profile.notificationsHintTeam"),
    on: "profile.notificationsOn",
    off: "profile.notificationsOff",
  },
  { key: "messageEmails", testId: "message-emails", label: "profile.messageEmails", hint: () => "profile.messageEmailsHint", on: "profile.messageEmailsOn", off: "profile.messageEmailsOff" },
  { key: "digestEmails", testId: "digest-emails", label: "profile.digestEmails", hint: () => "profile.digestEmailsHint", on: "profile.digestEmailsOn", off: "profile.digestEmailsOff", clientOnly: true },
  { key: "surveyEmails", testId: "survey-emails", label: "profile.surveyEmails", hint: () => "profile.surveyEmailsHint", on: "profile.surveyEmailsOn", off: "profile.surveyEmailsOff", clientOnly: true },
  { key: "invoiceEmails", testId: "invoice-emails", label: "profile.invoiceEmails", hint: () => "profile.invoiceEmailsHint", on: "profile.invoiceEmailsOn", off: "profile.invoiceEmailsOff", clientOnly: true },
];

/** The email switches, one per kind: each saved as soon as it is flipped, put back if saving fails. */
function NotificationsCard() {
  const session = useSession();
  const me = session.me;
  const id = createUniqueId();
  const client = () => me().role === "client";
  return (
    <section class="card" style={{ "margin-top": "1.5rem" }} aria-labelledby={`notify-${id}-title`}>
      <h2 id={`notify-${id}-title`}>{t("profile.notifications")}</h2>
      <div class="email-switches">
        <For each={switches.filter((item) => client() || !item.clientOnly)}>{(item) => <EmailSwitch {...item} hint={t(item.hint(client()))} />}</For>
      </div>
    </section>
  );
}

function EmailSwitch(props: { key: EmailSwitchKey; testId: string; label: MessageKey; hint: string; on: MessageKey; off: MessageKey }) {
  const session = useSession();
  const id = createUniqueId();
  // The switch follows the saved profile (a digest never set follows hand-offs), and shows the
  // flipped state only while it is being saved.
  const [saving, setSaving] = createSignal<boolean>();
  const on = () => saving() ?? session.me()[props.key];
  const submission = createSubmission();
  const change = (next: boolean) => {
    setSaving(next);
    void submission.run(async () => {
      try {
        await api.me.update({ [props.key]: next });
        await session.refresh();
      } finally {
        setSaving(undefined);
      }
      toast(t(next ? props.on : props.off));
    });
  };
  return (
    <div class="email-switch">
      <ErrorMessage error={submission.error()} />
      <label for={`switch-${id}`} style={{ display: "flex", "align-items": "center", gap: "0.6rem", "font-weight": "600" }}>
        <input
          id={`switch-${id}`}
          type="checkbox"
          role="switch"
          style={{ width: "1.15rem", height: "1.15rem", margin: "0", "flex-shrink": "0" }}
          checked={on()}
          aria-busy={submission.pending() ? "true" : undefined}
          aria-describedby={`switch-${id}-hint`}
          data-testid={props.testId}
          // Not disabled while saving (that would drop focus): a click then just does nothing.
          onClick={(e) => submission.pending() && e.preventDefault()}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        {t(props.label)}
      </label>
      <p class="field-hint" id={`switch-${id}-hint`} style={{ "margin-top": "0.35rem" }}>
        {props.hint}
      </p>
    </div>
  );
}
