import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";
import type { Locale } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { quoteNumber } from "./present.ts";
import { loadVisible } from "./read.ts";

// An accepted quote as a PDF, for the owner and the client's contacts: the evidence kept at
// acceptance and nothing composed again — the accepted text in the language it was accepted in,
// then the typed name, the time (in the client's zone), the IP and the SHA-256. It is drawn by the
// signed agreement's renderer (onboarding/pdf.ts, on the invoice PDF's typesetter), so both signed
// documents read alike; pdfkit and the fonts load with the first PDF.

export type QuotePdf = { fileName: string; bytes: Uint8Array<ArrayBuffer> };

export async function download(quoteId: string): Promise<QuotePdf> {
  const item = await loadVisible(quoteId);
  if (item.status !== "accepted" || item.acceptedText === undefined || !item.acceptedSha256 || !item.answeredAt) throw new VisibleError("conflict", "quote.not_accepted", "Only an accepted quote can be downloaded as a PDF.");
  const [client, agency] = await Promise.all([ClientStore.load(item.agencyId, item.clientId), AgencyStore.load(item.agencyId)]);
  const { renderAgreementPdf } = await import("../onboarding/pdf.ts");
  const bytes = await renderAgreementPdf({
    document: "quote",
    text: item.acceptedText,
    locale: (item.acceptedLocale ?? "en") as Locale,
    fullName: item.acceptedFullName ?? item.answeredBy ?? "",
    signedAt: item.answeredAt,
    ip: item.acceptedIp ?? null,
    sha256: item.acceptedSha256,
    agency: agency?.name ?? "",
    timeZone: client?.timeZone ?? "UTC",
  });
  return { fileName: `${quoteNumber(item.number) ?? "quote"}.pdf`, bytes };
}
