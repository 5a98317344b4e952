import { Boundary } from "@baton/ui/Boundary";
import { Dialog } from "@baton/ui/Dialog";
import { t } from "@baton/ui/i18n";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { RevealCells, RevealHeaders } from "./RevealCells";
import { getOffboarding } from "./data";

/**
 * The checklist when a team member leaves (Team page): the logins they were shown, of which
 * client, how often and when last, and whether the client changed each since.
 */
export function OffboardingDialog(props: { member: { id: string; name: string } | undefined; onClose: () => void }) {
  return (
    <Dialog open={!!props.member} wide title={t("vault.offboarding.title")} onClose={props.onClose}>
      <Show when={props.member} keyed>
        {(member) => <Checklist memberId={member.id} name={member.name} />}
      </Show>
    </Dialog>
  );
}

function Checklist(props: { memberId: string; name: string }) {
  const data = createAsync(() => getOffboarding(props.memberId));
  return (
    <Boundary onRetry={() => revalidate(getOffboarding.keyFor(props.memberId))}>
      <Show when={data()}>
        {(checklist) => (
          <Show when={checklist().items.length} fallback={<p data-testid="vault-offboarding-empty">{t("vault.offboarding.empty", { name: props.name })}</p>}>
            <p>{t("vault.offboarding.intro", { name: props.name })}</p>
            <div class="table-wrap">
              <table class="table table-stack" data-testid="vault-offboarding">
                <caption class="sr-only">{t("vault.offboarding.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("vault.offboarding.client")}</th>
                    <th scope="col">{t("vault.field.tool")}</th>
                    <RevealHeaders />
                  </tr>
                </thead>
                <tbody>
                  <For each={checklist().items}>
                    {(item) => (
                      <tr data-testid="vault-offboarding-row" data-tool={item.tool}>
                        <td data-label={t("vault.offboarding.client")}>
                          <A href={`/clients/${encodeURIComponent(item.clientId)}`}>{item.clientName}</A>
                        </td>
                        <td data-label={t("vault.field.tool")}>{item.tool}</td>
                        <RevealCells item={item} />
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </Boundary>
  );
}
