import type { MessageKey } from "@baton/ui/i18n";

// The Settings sub-pages (issue 15, "split big pages"): one job each, listed on /settings in this order.
export const SECTIONS = ["brand", "hours", "money", "surveys", "files", "integrations"] as const;
export type SectionId = (typeof SECTIONS)[number];

const TEXT: Record<SectionId, { title: MessageKey; summary: MessageKey }> = {
  brand: { title: "settings.section.brand.title", summary: "settings.section.brand.summary" },
  hours: { title: "settings.section.hours.title", summary: "settings.section.hours.summary" },
  money: { title: "settings.section.money.title", summary: "settings.section.money.summary" },
  surveys: { title: "settings.section.surveys.title", summary: "settings.section.surveys.summary" },
  files: { title: "settings.section.files.title", summary: "settings.section.files.summary" },
  integrations: { title: "settings.section.integrations.title", summary: "settings.section.integrations.summary" },
};

export const sectionHref = (id: SectionId) => `/settings/${id}`;
export const sectionTitle = (id: SectionId) => TEXT[id].title;
export const sectionSummary = (id: SectionId) => TEXT[id].summary;
