import { api, conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage, errorText } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatClock, formatNumber, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { PersonStatusBadge } from "@baton/ui/StatusBadge";
import { toast } from "@baton/ui/Toast";
import { UndeliverableNote } from "@baton/ui/UndeliverableNote";
import type { Member } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { useNow } from "@baton/ui/time";
import { formatPercent } from "../../lib/time";
import { getMembers } from "./data";
import { EditMemberDialog, InviteMemberDialog } from "./MemberDialogs";
import { OffboardingDialog } from "../vault/Offboarding";

export default function Team() {
  const { me } = useSession();
  const first = createAsync(() => getMembers());
  const list = createPaged(first, (cursor) => api.members.list({ cursor }));
  const [inviting, setInviting] = createSignal(false);
  const [editing, setEditing] = createSignal<Member>();
  const [removing, setRemoving] = createSignal<Member>();
  const [resending, setResending] = createSignal<string>();
  // The logins a removed member was shown: opened right after a removal, or from their row.
  const [offboarding, setOffboarding] = createSignal<Member>();
  const removal = createSubmission();
  const now = useNow();
  // Local edits patch the list in place; forget the cached first page so the next visit
  // (and the home page's count) fetches the truth instead.
  const changed = (member: Member) => {
    query.delete(getMembers.keyFor());
    return member;
  };

  const inviteButton = () => (
    <Button variant="primary" onClick={() => setInviting(true)}>
      {t("team.invite")}
    </Button>
  );

  async function resend(member: Member) {
    setResending(member.id);
    try {
      await api.members.invite(member.id);
      toast(t("team.inviteResent", { email: member.email }));
    } catch (e) {
      toast(errorText(e), "error");
    } finally {
      setResending(undefined);
    }
  }

  const [savingReviewer, setSavingReviewer] = createSignal<string>();
  async function setReviewer(member: Member, reviewer: boolean, input: HTMLInputElement) {
    setSavingReviewer(member.id);
    try {
      const saved = await api.members.update(member.id, { version: member.version, reviewer });
      list.replace(changed(saved));
      toast(t(reviewer ? "team.reviewerOn" : "team.reviewerOff", { name: member.name }));
    } catch (e) {
      input.checked = member.reviewer;
      const current = conflictCurrent<Member>(e);
      if (current) {
        list.replace(changed(current));
        toast(t("common.conflict"), "error");
      } else {
        toast(errorText(e), "error");
      }
    } finally {
      setSavingReviewer(undefined);
    }
  }

  const remove = (member: Member) =>
    removal.run(async () => {
      const removed = await api.members.remove(member.id);
      list.replace(changed(removed));
      setRemoving(undefined);
      toast(t("team.removed", { name: member.name }));
      setOffboarding(removed);
    });

  return (
    <section class="page">
      <Title>{t("team.title")}</Title>
      <PageHeader title={t("team.title")} intro={t("team.intro")} actions={inviteButton()} />
      <Boundary onRetry={() => revalidate(getMembers.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <EmptyState title={t("team.emptyTitle")} action={inviteButton()}>
              {t("team.emptyBody")}
            </EmptyState>
          }
        >
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("team.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field.name")}</th>
                  <th scope="col">{t("field.skills")}</th>
                  <th scope="col">{t("field.timeZone")}</th>
                  <th scope="col">{t("field.capacityShort")}</th>
                  <th scope="col">{t("field.status")}</th>
                  <th scope="col">{t("team.qa")}</th>
                  <th scope="col">
                    <span class="sr-only">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list.items()}>
                  {(member) => (
                    <tr data-testid="member-row" data-email={member.email}>
                      <th scope="row" class="row-head" data-label={t("field.name")}>
                        <div class="cell-title">{member.name}</div>
                        <div class="cell-sub">{member.email}</div>
                        <UndeliverableNote undeliverable={member.undeliverable} />
                      </th>
                      <td data-label={t("field.skills")}>
                        <Show when={member.skills.length} fallback={<span class="muted">—</span>}>
                          <ul class="chips">
                            <For each={member.skills}>{(skill) => <li class="chip">{skill}</li>}</For>
                          </ul>
                        </Show>
                      </td>
                      <td data-label={t("field.timeZone")}>
                        <div>{member.timeZone.replaceAll("_", " ")}</div>
                        <div class="cell-sub">{formatClock(now(), member.timeZone)}</div>
                      </td>
                      <td data-label={t("field.capacityShort")}>{t("team.hoursPerWeek", { hours: formatNumber(member.weeklyCapacityHours) })}</td>
                      <td data-label={t("field.status")}>
                        <div class="badges">
                          <Show when={member.role === "owner"}>
                            <Badge tone="info">{t("role.owner")}</Badge>
                          </Show>
                          <PersonStatusBadge status={member.status} />
                        </div>
                      </td>
                      <td data-label={t("team.qa")} data-testid="member-qa">
                        <label class="check switch">
                          <input
                            type="checkbox"
                            role="switch"
                            checked={member.reviewer}
                            disabled={member.role === "owner" || member.status === "removed" || savingReviewer() === member.id}
                            aria-label={t("team.reviewerNamed", { name: member.name })}
                            onChange={(e) => void setReviewer(member, e.currentTarget.checked, e.currentTarget)}
                          />
                          <span>{member.role === "owner" ? t("team.reviewerAlways") : t("team.reviewer")}</span>
                        </label>
                        <div class="cell-sub">
                          <Show when={member.qa.approved > 0} fallback={t("team.qaNone")}>
                            {t("team.qaApproved", { count: member.qa.approved })} · {t("team.qaFirstPass", { rate: formatPercent(member.qa.firstPassRate) })} ·{" "}
                            {t("team.qaReturns", { count: Math.round((member.qa.averageReturns ?? 0) * 10) / 10 })}
                          </Show>
                        </div>
                      </td>
                      <td class="cell-actions">
                        <div class="row-actions">
                          <Show when={member.status === "removed"}>
                            <Button size="sm" variant="ghost" aria-label={t("vault.offboarding.showNamed", { name: member.name })} onClick={() => setOffboarding(member)}>
                              {t("vault.offboarding.show")}
                            </Button>
                          </Show>
                          <Show when={member.status !== "removed"}>
                            <Button size="sm" aria-label={t("common.editNamed", { name: member.name })} onClick={() => setEditing(member)}>
                              {t("common.edit")}
                            </Button>
                            <Show when={member.status === "invited"}>
                              <Button
                                size="sm"
                                variant="ghost"
                                aria-label={t("team.resendNamed", { name: member.name })}
                                pending={resending() === member.id}
                                onClick={() => resend(member)}
                              >
                                {t("common.resendInvite")}
                              </Button>
                            </Show>
                            <Show when={member.id !== me().id && member.role !== "owner"}>
                              <Button
                                size="sm"
                                variant="ghost"
                                class="btn-danger-text"
                                aria-label={t("team.removeNamed", { name: member.name })}
                                onClick={() => {
                                  removal.clear();
                                  setRemoving(member);
                                }}
                              >
                                {t("common.remove")}
                              </Button>
                            </Show>
                          </Show>
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore list={list} />
        </Show>
      </Boundary>

      <InviteMemberDialog
        open={inviting()}
        defaultTimeZone={me().agency.timeZone}
        onClose={() => setInviting(false)}
        onInvited={(member) => {
          setInviting(false);
          toast(t("team.invited", { email: member.email }));
          list.add(changed(member));
        }}
      />
      <EditMemberDialog
        member={editing()}
        onClose={() => setEditing(undefined)}
        onSaved={(member) => {
          list.replace(changed(member));
          setEditing(undefined);
          toast(t("team.saved", { name: member.name }));
        }}
        onConflict={(current) => {
          list.replace(changed(current));
          setEditing(current);
        }}
      />
      <OffboardingDialog member={offboarding()} onClose={() => setOffboarding(undefined)} />
      <ConfirmDialog
        open={!!removing()}
        title={t("team.removeTitle")}
        message={t("team.removeBody", { name: removing()?.name ?? "" })}
        confirmLabel={t("common.remove")}
        danger
        pending={removal.pending()}
        error={<ErrorMessage error={removal.error()} />}
        onConfirm={() => {
          const member = removing();
          if (member) void remove(member);
        }}
        onClose={() => setRemoving(undefined)}
      />
    </section>
  );
}
