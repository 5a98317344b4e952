import { t } from "@baton/ui/i18n";
import { For } from "solid-js";
import { ClientLink } from "../../components/ClientLink";
import type { Summary } from "./data";
import { CsatCells, NpsCells, ScoreTable } from "./scores";

// Scores by who they are about: each client (NPS and CSAT), each subcontractor (CSAT of their work).

export function PerClient(props: { summary: Summary }) {
  return (
    <section class="sat-section" aria-labelledby="sat-clients">
      <h2 id="sat-clients">{t("satisfaction.clients")}</h2>
      <ScoreTable caption={t("satisfaction.clientsCaption")} first={t("satisfaction.client")} nps>
        <For each={props.summary.clients}>
          {(client) => (
            <tr data-testid="satisfaction-client" data-client={client.id}>
              <th scope="row">
                <ClientLink id={client.id} name={client.name} />
              </th>
              <NpsCells nps={client.nps} />
              <CsatCells csat={client.csat} />
            </tr>
          )}
        </For>
      </ScoreTable>
    </section>
  );
}

export function PerSubcontractor(props: { summary: Summary }) {
  return (
    <section class="sat-section" aria-labelledby="sat-subs">
      <h2 id="sat-subs">{t("satisfaction.subcontractors")}</h2>
      <p class="muted small">{t("satisfaction.subcontractorsIntro")}</p>
      <ScoreTable caption={t("satisfaction.subcontractorsCaption")} first={t("satisfaction.subcontractor")} nps={false}>
        <For each={props.summary.subcontractors}>
          {(member) => (
            <tr data-testid="satisfaction-subcontractor" data-member={member.id}>
              <th scope="row">{member.name}</th>
              <CsatCells csat={member.csat} />
            </tr>
          )}
        </For>
      </ScoreTable>
    </section>
  );
}
