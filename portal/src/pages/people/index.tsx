import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage, errorText } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { availableLocales, localeLabel, locale as currentLocale, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { PersonStatusBadge } from "@baton/ui/StatusBadge";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Contact } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getCompany } from "../data";
import { getPeople, navFollowsPeople } from "./data";
import "./people.css";

type Locale = Contact["locale"];

/** Reads the list again (and the company, whose people and `can` follow), before anything says it is done. */
const refresh = async () => {
  try {
    await revalidate([getPeople.key, getCompany.key]);
  } finally {
    navFollowsPeople();
  }
};

/**
 * The company's people for a client admin: roles, who receives invoices, invitations and
 * removals. What each button may do is the API's `can`; a member who opens the page is refused
 * by the API and reads why.
 */
export default function People() {
  const { me } = useSession();
  const people = createAsync(() => getPeople());
  const [inviting, setInviting] = createSignal(false);
  const [removing, setRemoving] = createSignal<Contact>();
  const [busy, setBusy] = createSignal<string>();
  const removal = createSubmission();

  const canInvite = () => people()?.can.includes("invite") ?? false;
  const inviteButton = () => (
    <Show when={canInvite()}>
      <Button variant="primary" onClick={() => setInviting(true)}>
        {t("people.invite")}
      </Button>
    </Show>
  );

  /** One change to a person, on the version read; the list is read again before the toast. */
  async function change(person: Contact, input: { role?: "admin" | "member"; receivesInvoices?: boolean }, done: string) {
    setBusy(person.id);
    try {
      await api.people.update(person.id, { version: person.version, ...input });
      await refresh();
      toast(done);
    } catch (e) {
      await refresh();
      toast(errorText(e), "error");
    } finally {
      setBusy(undefined);
    }
  }

  const confirmRemove = (person: Contact) =>
    removal.run(async () => {
      await api.people.remove(person.id);
      await refresh();
      setRemoving(undefined);
      toast(t("people.removed", { name: person.name }));
    });

  return (
    <section class="page">
      <Title>{t("people.title")}</Title>
      <PageHeader title={t("people.title")} intro={t("people.intro", { agency: me().agency.name })} actions={inviteButton()} />
      <Boundary onRetry={refresh}>
        <Show when={people()}>
          {(data) => (
            <section class="card" aria-labelledby="people-list-title">
              <h2 id="people-list-title">{t("people.list")}</h2>
              <ul class="people" data-testid="people-list">
                <For each={data().items}>
                  {(person) => (
                    <li class="person people-row" data-testid="person-row" data-email={person.email}>
                      <div class="person-main">
                        <div class="cell-title">
                          {person.name}
                          <Show when={person.id === me().id}>
                            <span class="muted"> ({t("people.you")})</span>
                          </Show>
                        </div>
                        <div class="cell-sub people-email">{person.email}</div>
                        <div class="people-badges">
                          <Badge tone={person.role === "admin" ? "info" : "neutral"}>{t(`people.role.${person.role}`)}</Badge>
                          <PersonStatusBadge status={person.status} />
                          <Show when={person.getsInvoices && !person.receivesInvoices}>
                            <span class="muted small">{t("people.invoicesByDefault")}</span>
                          </Show>
                        </div>
                      </div>
                      <div class="person-side people-actions">
                        <label class="people-switch">
                          <input
                            type="checkbox"
                            role="switch"
                            checked={person.receivesInvoices}
                            disabled={!person.can.includes("change_invoices")}
                            aria-label={t("people.invoicesNamed", { name: person.name })}
                            aria-busy={busy() === person.id ? "true" : undefined}
                            data-testid="receives-invoices"
                            onClick={(e) => busy() && e.preventDefault()}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              void change(person, { receivesInvoices: on }, t(on ? "people.invoicesOn" : "people.invoicesOff", { name: person.name }));
                            }}
                          />
                          {t("people.receivesInvoices")}
                        </label>
                        <Show
                          when={person.can.includes("change_role")}
                          fallback={
                            <Show when={person.role === "admin"}>
                              <span class="muted small">{t("people.lastAdmin")}</span>
                            </Show>
                          }
                        >
                          <Button
                            size="sm"
                            variant="ghost"
                            pending={busy() === person.id}
                            aria-label={t(person.role === "admin" ? "people.makeMemberNamed" : "people.makeAdminNamed", { name: person.name })}
                            onClick={() =>
                              change(person, { role: person.role === "admin" ? "member" : "admin" }, t(person.role === "admin" ? "people.nowMember" : "people.nowAdmin", { name: person.name }))
                            }
                          >
                            {t(person.role === "admin" ? "people.makeMember" : "people.makeAdmin")}
                          </Button>
                        </Show>
                        <Show when={person.can.includes("remove")}>
                          <Button
                            size="sm"
                            variant="ghost"
                            class="btn-danger-text"
                            aria-label={t("people.removeNamed", { name: person.name })}
                            onClick={() => {
                              removal.clear();
                              setRemoving(person);
                            }}
                          >
                            {t("people.remove")}
                          </Button>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={data().items.length <= 1}>
                <EmptyState title={t("people.emptyTitle")} action={inviteButton()}>
                  {t("people.emptyBody")}
                </EmptyState>
              </Show>
            </section>
          )}
        </Show>
      </Boundary>
      <ConfirmDialog
        open={!!removing()}
        title={t("people.removeTitle")}
        message={t("people.removeBody", { name: removing()?.name ?? "" })}
        confirmLabel={t("people.remove")}
        danger
        pending={removal.pending()}
        error={<ErrorMessage error={removal.error()} />}
        onConfirm={() => {
          const target = removing();
          if (target) void confirmRemove(target);
        }}
        onClose={() => setRemoving(undefined)}
      />
      <Dialog open={inviting()} title={t("people.invite")} description={t("people.inviteIntro")} onClose={() => setInviting(false)}>
        <InviteForm
          onClose={() => setInviting(false)}
          onInvited={(person) => {
            setInviting(false);
            toast(t("people.invited", { email: person.email }));
          }}
        />
      </Dialog>
    </section>
  );
}

function InviteForm(props: { onClose: () => void; onInvited: (person: Contact) => void }) {
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [language, setLanguage] = createSignal<Locale>(currentLocale() as Locale);
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const person = await api.people.invite({ email: email().trim(), name: name().trim(), locale: language() });
      await refresh();
      props.onInvited(person);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("people.invite")} data-testid="invite-form">
      <TextField label={t("field.name")} name="name" required autocomplete="off" value={name()} onValue={setName} error={submission.fieldError("name")} />
      <TextField label={t("field.email")} name="email" type="email" required autocomplete="off" value={email()} onValue={setEmail} error={submission.fieldError("email")} />
      <Select
        label={t("field.language")}
        name="locale"
        options={availableLocales().map((code) => ({ value: code, label: localeLabel(code) }))}
        value={language()}
        onValue={(value) => setLanguage(value as Locale)}
        error={submission.fieldError("locale")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("people.sendInvite")}
        </Button>
      </FormActions>
    </Form>
  );
}
