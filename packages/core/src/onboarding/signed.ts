import { assertContact, assertOwner } from "../actor/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";
import { notFound } from "../error/index.ts";
import { loadOnboarding } from "./progress.ts";

// The signed copy of a client's agreement, as a PDF: for the client's contacts from the portal,
// for the owner from the client's page. It is the evidence kept at acceptance, nothing composed
// again: the accepted text in the language it was signed in, the typed name, the time (in the
// client's zone), the IP and the SHA-256. pdfkit and the fonts load on the first PDF (pdf.ts).

export type SignedCopy = { fileName: string; bytes: Uint8Array<ArrayBuffer> };

/** The signed-in contact's company's signed agreement. */
export async function mySignedCopy(): Promise<SignedCopy> {
  const { agencyId, clientId } = assertContact();
  return signedCopy(agencyId, clientId);
}

/** A client's signed agreement (owner). */
export async function signedCopyFor(clientId: string): Promise<SignedCopy> {
  return signedCopy(assertOwner(), clientId);
}

async function signedCopy(agencyId: string, clientId: string): Promise<SignedCopy> {
  const [client, item, agency] = await Promise.all([ClientStore.load(agencyId, clientId), loadOnboarding(agencyId, clientId), AgencyStore.load(agencyId)]);
  if (!client) throw notFound("Client");
  if (!item?.agreementAt || item.acceptedText === undefined || !item.agreementSha256) throw notFound("The signed agreement");
  const { renderAgreementPdf } = await import("./pdf.ts");
  const bytes = await renderAgreementPdf({
    text: item.acceptedText,
    locale: item.agreementLocale ?? "en",
    fullName: item.agreementFullName ?? item.agreementBy ?? "",
    signedAt: item.agreementAt,
    ip: item.agreementIp ?? null,
    sha256: item.agreementSha256,
    agency: agency?.name ?? "",
    timeZone: client.timeZone,
  });
  return { fileName: `signed-agreement-${client.code.toLowerCase()}.pdf`, bytes };
}
