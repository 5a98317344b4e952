import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage, errorText } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { TimeZoneSelect } from "@baton/ui/Select";
import { PersonStatusBadge } from "@baton/ui/StatusBadge";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { UndeliverableNote } from "@baton/ui/UndeliverableNote";
import type { Client, Contact } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getContacts } from "./data";
import "./contacts.css";

type Confirming = { contact: Contact; action: "deactivate" | "remove" };

/** The client's portal users: list, invite, resend the invitation, take access away or give it back. */
export function Contacts(props: { client: Client }) {
  const clientId = () => props.client.id;
  const first = createAsync(() => getContacts(clientId()));
  const list = createPaged(first, (cursor) => api.contacts.list(clientId(), { cursor }));
  const [inviting, setInviting] = createSignal(false);
  const [resending, setResending] = createSignal<string>();

  async function resend(contact: Contact) {
    setResending(contact.id);
    try {
      await api.contacts.invite(contact.clientId, contact.id);
      toast(t("contacts.inviteResent", { email: contact.email }));
    } catch (e) {
      toast(errorText(e), "error");
    } finally {
      setResending(undefined);
    }
  }

  const [confirming, setConfirming] = createSignal<Confirming>();
  const change = createSubmission();
  const [reactivating, setReactivating] = createSignal<string>();

  const confirmChange = (target: Confirming) =>
    change.run(async () => {
      if (target.action === "deactivate") {
        list.replace(await api.contacts.deactivate(target.contact.clientId, target.contact.id));
        toast(t("contacts.deactivated", { name: target.contact.name }));
      } else {
        await api.contacts.remove(target.contact.clientId, target.contact.id);
        toast(t("contacts.removed", { name: target.contact.name }));
        await revalidate(getContacts.keyFor(clientId()));
      }
      setConfirming(undefined);
    });

  async function reactivate(contact: Contact) {
    setReactivating(contact.id);
    try {
      list.replace(await api.contacts.reactivate(contact.clientId, contact.id));
      toast(t("contacts.reactivated", { name: contact.name }));
    } catch (e) {
      toast(errorText(e), "error");
    } finally {
      setReactivating(undefined);
    }
  }

  // The owner's override of what the client's admins decide: a role, or who receives invoices.
  const [standing, setStanding] = createSignal<string>();
  async function changeStanding(contact: Contact, input: { role?: "admin" | "member"; receivesInvoices?: boolean }, done: string) {
    setStanding(contact.id);
    try {
      await api.people.updateForClient(contact.clientId, contact.id, { version: contact.version, ...input });
      await revalidate(getContacts.keyFor(clientId()));
      toast(done);
    } catch (e) {
      await revalidate(getContacts.keyFor(clientId()));
      toast(errorText(e), "error");
    } finally {
      setStanding(undefined);
    }
  }

  const ask = (contact: Contact, action: Confirming["action"]) => {
    change.clear();
    setConfirming({ contact, action });
  };

  const inviteButton = () => (
    <Button variant="primary" size="sm" onClick={() => setInviting(true)}>
      {t("contacts.invite")}
    </Button>
  );

  return (
    <section class="card" aria-labelledby="contacts-title">
      <div class="card-header">
        <h2 id="contacts-title">{t("contacts.title")}</h2>
        {inviteButton()}
      </div>
      <p class="muted small">{t("contacts.intro")}</p>
      <p class="muted small">{t("people.teamIntro")}</p>
      <Boundary onRetry={() => revalidate(getContacts.keyFor(clientId()))}>
        <Show
          when={list.items().length > 0}
          fallback={
            <EmptyState title={t("contacts.emptyTitle")} action={inviteButton()}>
              {t("contacts.emptyBody")}
            </EmptyState>
          }
        >
          <ul class="people">
            <For each={list.items()}>
              {(contact) => (
                <li class="person" data-testid="contact-row" data-email={contact.email}>
                  <div class="person-main">
                    <div class="cell-title">{contact.name}</div>
                    <div class="cell-sub">{contact.email}</div>
                    <div class="cell-sub">
                      {contact.timeZone.replaceAll("_", " ")} · {t("contacts.invitedOn", { date: formatDate(contact.createdAt) })}
                    </div>
                    <UndeliverableNote undeliverable={contact.undeliverable} />
                    <div class="cell-sub contact-standing" data-testid="contact-standing">
                      <Badge tone={contact.role === "admin" ? "info" : "neutral"}>{t(`people.role.${contact.role}`)}</Badge>
                      <Show when={contact.getsInvoices}>
                        <span> · {contact.receivesInvoices ? t("people.receivesInvoices") : t("people.invoicesByDefault")}</span>
                      </Show>
                    </div>
                  </div>
                  <div class="person-side">
                    <PersonStatusBadge status={contact.status} />
                    <Show when={contact.can.includes("change_invoices")}>
                      <label class="contact-switch">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={contact.receivesInvoices}
                          aria-label={t("people.invoicesNamed", { name: contact.name })}
                          aria-busy={standing() === contact.id ? "true" : undefined}
                          data-testid="receives-invoices"
                          onClick={(e) => standing() && e.preventDefault()}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            void changeStanding(contact, { receivesInvoices: on }, t(on ? "people.invoicesOn" : "people.invoicesOff", { name: contact.name }));
                          }}
                        />
                        {t("people.receivesInvoices")}
                      </label>
                    </Show>
                    <Show when={contact.can.includes("change_role")}>
                      <Button
                        size="sm"
                        variant="ghost"
                        pending={standing() === contact.id}
                        aria-label={t(contact.role === "admin" ? "people.makeMemberNamed" : "people.makeAdminNamed", { name: contact.name })}
                        onClick={() =>
                          changeStanding(contact, { role: contact.role === "admin" ? "member" : "admin" }, t(contact.role === "admin" ? "people.nowMember" : "people.nowAdmin", { name: contact.name }))
                        }
                      >
                        {t(contact.role === "admin" ? "people.makeMember" : "people.makeAdmin")}
                      </Button>
                    </Show>
                    <Show when={contact.status === "invited"}>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t("contacts.resendNamed", { name: contact.name })}
                        pending={resending() === contact.id}
                        onClick={() => resend(contact)}
                      >
                        {t("common.resendInvite")}
                      </Button>
                    </Show>
                    <Show when={contact.status === "deactivated"}>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t("contacts.reactivateNamed", { name: contact.name })}
                        pending={reactivating() === contact.id}
                        onClick={() => reactivate(contact)}
                      >
                        {t("contacts.reactivate")}
                      </Button>
                    </Show>
                    <Show when={contact.status === "invited" || contact.status === "active"}>
                      <Button size="sm" variant="ghost" aria-label={t("contacts.deactivateNamed", { name: contact.name })} onClick={() => ask(contact, "deactivate")}>
                        {t("contacts.deactivate")}
                      </Button>
                    </Show>
                    <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("contacts.removeNamed", { name: contact.name })} onClick={() => ask(contact, "remove")}>
                      {t("contacts.remove")}
                    </Button>
                  </div>
                </li>
              )}
            </For>
          </ul>
          <LoadMore list={list} />
        </Show>
      </Boundary>
      <ConfirmDialog
        open={!!confirming()}
        title={confirming()?.action === "remove" ? t("contacts.removeTitle") : t("contacts.deactivateTitle")}
        message={t(confirming()?.action === "remove" ? "contacts.removeBody" : "contacts.deactivateBody", { name: confirming()?.contact.name ?? "" })}
        confirmLabel={confirming()?.action === "remove" ? t("contacts.remove") : t("contacts.deactivate")}
        danger
        pending={change.pending()}
        error={<ErrorMessage error={change.error()} />}
        onConfirm={() => {
          const target = confirming();
          if (target) void confirmChange(target);
        }}
        onClose={() => setConfirming(undefined)}
      />
      <Dialog open={inviting()} title={t("contacts.inviteTitle")} description={t("contacts.inviteIntro", { client: props.client.name })} onClose={() => setInviting(false)}>
        <InviteContactForm
          client={props.client}
          onClose={() => setInviting(false)}
          onInvited={(contact) => {
            setInviting(false);
            toast(t("contacts.invited", { email: contact.email }));
            list.add(contact);
            query.delete(getContacts.keyFor(clientId()));
          }}
        />
      </Dialog>
    </section>
  );
}

function InviteContactForm(props: { client: Client; onClose: () => void; onInvited: (contact: Contact) => void }) {
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [timeZone, setTimeZone] = createSignal(props.client.timeZone);
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const contact = await api.contacts.create(props.client.id, { email: email().trim(), name: name().trim(), timeZone: timeZone() });
      props.onInvited(contact);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("contacts.inviteTitle")}>
      <TextField label={t("field.email")} name="email" type="email" required autocomplete="off" value={email()} onValue={setEmail} error={submission.fieldError("email")} />
      <TextField label={t("field.name")} name="name" required autocomplete="off" value={name()} onValue={setName} error={submission.fieldError("name")} />
      <TimeZoneSelect name="timeZone" value={timeZone()} onValue={setTimeZone} error={submission.fieldError("timeZone")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("contacts.sendInvite")}
        </Button>
      </FormActions>
    </Form>
  );
}
