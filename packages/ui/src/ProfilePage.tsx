import { createSignal, createUniqueId, Show, type JSX } from "solid-js";
import { api } from "./api";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission, Form, SaveActions } from "./Form";
import { availableLocales, localeLabel, setLocale, t } from "./i18n";
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
      <MessageEmailsCard />
      {props.children}
    </section>
  );
}

/** The hand-off emails switch: saved as soon as it is flipped, put back if saving fails. */
function NotificationsCard() {
  const session = useSession();
  const me = session.me;
  const id = createUniqueId();
  const [on, setOn] = createSignal(me().emailNotifications);
  const submission = createSubmission();

  const change = (next: boolean) => {
    setOn(next);
    void submission.run(async () => {
      try {
        const updated = await api.me.update({ emailNotifications: next });
        setOn(updated.emailNotifications);
      } catch (e) {
        setOn(!next);
        throw e;
      }
      await session.refresh();
      toast(t(next ? "profile.notificationsOn" : "profile.notificationsOff"));
    });
  };

  return (
    <section class="card" style={{ "margin-top": "1.5rem" }} aria-labelledby={`notify-${id}-title`}>
      <h2 id={`notify-${id}-title`}>{t("profile.notifications")}</h2>
      <ErrorMessage error={submission.error()} />
      <label for={`notify-${id}`} style={{ display: "flex", "align-items": "center", gap: "0.6rem", "font-weight": "600" }}>
        <input
          id={`notify-${id}`}
          type="checkbox"
          role="switch"
          style={{ width: "1.15rem", height: "1.15rem", margin: "0" }}
          checked={on()}
          aria-busy={submission.pending() ? "true" : undefined}
          aria-describedby={`notify-${id}-hint`}
          data-testid="email-notifications"
          // Not disabled while saving (that would drop focus): a click then just does nothing.
          onClick={(e) => submission.pending() && e.preventDefault()}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        {t("profile.notificationsLabel")}
      </label>
      <p class="field-hint" id={`notify-${id}-hint`} style={{ "margin-top": "0.35rem" }}>
        {me().role === "client" ? t("profile.notificationsHintClient") : t("profile.notificationsHintTeam")}
      </p>
    </section>
  );
}

/** The switch for emails about new messages (batched, a few minutes after the first unread one). */
function MessageEmailsCard() {
  const session = useSession();
  const me = session.me;
  const id = createUniqueId();
  const [on, setOn] = createSignal(me().messageEmails);
  const submission = createSubmission();
  const change = (next: boolean) => {
    setOn(next);
    void submission.run(async () => {
      try {
        const updated = await api.me.update({ messageEmails: next });
        setOn(updated.messageEmails);
      } catch (e) {
        setOn(!next);
        throw e;
      }
      await session.refresh();
      toast(t(next ? "profile.messageEmailsOn" : "profile.messageEmailsOff"));
    });
  };
  return (
    <section class="card" style={{ "margin-top": "1.5rem" }} aria-labelledby={`messages-${id}-title`}>
      <h2 id={`messages-${id}-title`} class="sr-only">
        {t("profile.messageEmails")}
      </h2>
      <ErrorMessage error={submission.error()} />
      <label for={`messages-${id}`} style={{ display: "flex", "align-items": "center", gap: "0.6rem", "font-weight": "600" }}>
        <input
          id={`messages-${id}`}
          type="checkbox"
          role="switch"
          style={{ width: "1.15rem", height: "1.15rem", margin: "0" }}
          checked={on()}
          aria-busy={submission.pending() ? "true" : undefined}
          aria-describedby={`messages-${id}-hint`}
          data-testid="message-emails"
          onClick={(e) => submission.pending() && e.preventDefault()}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        {t("profile.messageEmails")}
      </label>
      <p class="field-hint" id={`messages-${id}-hint`} style={{ "margin-top": "0.35rem" }}>
        {t("profile.messageEmailsHint")}
      </p>
    </section>
  );
}
