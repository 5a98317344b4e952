import type { Messages } from "./en";
import type { enSearch } from "./en-search";

// Greek strings of search (issue 22). Part of `el`.
export const elSearch: Pick<Messages, keyof typeof enSearch> = {
  "search.title": "Αναζήτηση",
  "search.label": "Αναζήτηση με κωδικό, τίτλο ή όνομα",
  "search.introTeam": "Πελάτες, αιτήματα, εργασίες, τιμολόγια και SOP, με κωδικό (ACME-12, INV-00042), τίτλο ή όνομα. Οι τόνοι και τα κεφαλαία δεν έχουν σημασία.",
  "search.introPortal": "Τα αιτήματα και τα τιμολόγιά σας, με κωδικό (ACME-12, INV-00042) ή τίτλο. Οι τόνοι και τα κεφαλαία δεν έχουν σημασία.",
  "search.results": "Αποτελέσματα",
  "search.kind.client": "Πελάτης",
  "search.kind.request": "Αίτημα",
  "search.kind.task": "Εργασία",
  "search.kind.invoice": "Τιμολόγιο",
  "search.kind.quote": "Προσφορά",
  "search.kind.sop": "SOP",
  "search.draftInvoice": "Πρόχειρο τιμολόγιο",
  "search.startTitle": "Πληκτρολογήστε τι αναζητάτε",
  "search.startBody": "Αρκεί ένας κωδικός, μια λέξη ενός τίτλου ή ένα όνομα.",
  "search.none": "Τίποτα δεν ταιριάζει με «{query}».",
  "search.noneBody": "Δοκιμάστε λιγότερες λέξεις ή τα πρώτα γράμματα μιας λέξης.",
  "search.nav": "Αναζήτηση",
  "palette.invoices": "Τιμολόγια",
  "palette.sops": "SOP",
  "palette.allResults": "Όλα τα αποτελέσματα για «{query}»",
};
