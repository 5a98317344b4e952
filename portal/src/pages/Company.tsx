import { safeUrl } from "@baton/ui/LinkList";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { currencyLabel, formatClock, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { ClientStatusBadge, PersonStatusBadge } from "@baton/ui/StatusBadge";
import { useNow } from "@baton/ui/time";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getCompany } from "./data";

export default function Company() {
  const { me } = useSession();
  const company = createAsync(() => getCompany());
  const now = useNow();

  return (
    <section class="page">
      <Title>{t("company.title")}</Title>
      <Boundary>
        <Show when={company()}>
          {(data) => {
            const client = () => data().client;
            return (
              <>
                <PageHeader title={client().name} intro={t("company.intro", { agency: me().agency.name })} />
                <div class="detail-grid">
                  <section class="card" aria-labelledby="company-profile-title">
                    <h2 id="company-profile-title">{t("company.profile")}</h2>
                    <dl class="facts" data-testid="company-facts">
                      <div>
                        <dt>{t("field.clientName")}</dt>
                        <dd>{client().name}</dd>
                      </div>
                      <div>
                        <dt>{t("field.code")}</dt>
                        <dd>
                          <code>{client().code}</code>
                        </dd>
                      </div>
                      <div>
                        <dt>{t("field.status")}</dt>
                        <dd>
                          <ClientStatusBadge status={client().status} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t("field.timeZone")}</dt>
                        <dd>
                          {client().timeZone.replaceAll("_", " ")}
                          <span class="muted"> · {t("company.localTime", { time: formatClock(now(), client().timeZone) })}</span>
                        </dd>
                      </div>
                      <div>
                        <dt>{t("field.currency")}</dt>
                        <dd>{currencyLabel(client().currency)}</dd>
                      </div>
                      <div>
                        <dt>{t("field.website")}</dt>
                        <dd>
                          <Show when={safeUrl(client().website)} fallback={<span class="muted">—</span>}>
                            {(href) => (
                              <a href={href()} target="_blank" rel="noopener noreferrer">
                                {client().website}
                              </a>
                            )}
                          </Show>
                        </dd>
                      </div>
                    </dl>
                  </section>
                  <section class="card" aria-labelledby="company-contacts-title">
                    <h2 id="company-contacts-title">{t("company.contacts")}</h2>
                    <Show when={data().contacts.length > 0} fallback={<EmptyState title={t("company.noContacts")} />}>
                      <ul class="people">
                        <For each={data().contacts}>
                          {(contact) => (
                            <li class="person" data-testid="contact-row">
                              <div class="person-main">
                                <div class="cell-title">
                                  {contact.name}
                                  <Show when={contact.id === me().id}>
                                    <span class="muted"> ({t("company.you")})</span>
                                  </Show>
                                </div>
                                <div class="cell-sub">{contact.email}</div>
                                <div class="cell-sub">
                                  {contact.timeZone.replaceAll("_", " ")} · {formatClock(now(), contact.timeZone)}
                                </div>
                              </div>
                              <div class="person-side">
                                <PersonStatusBadge status={contact.status} />
                              </div>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                </div>
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}
