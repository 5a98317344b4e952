// Wire shapes of the Baton API, written by hand until `@baton/functions/api` exports `Routes`.
// When it does, these can become `InferResponseType<...>` aliases without touching the pages.

export type AppName = "web" | "portal";
export type Locale = "en" | "el" | "hi";
export type Role = "owner" | "subcontractor" | "client";

export type Agency = {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
};

export type Me = {
  kind: "member" | "contact";
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  locale: Locale;
  agency: Agency;
  clientId?: string;
};

export type MePatch = { name?: string; timeZone?: string; locale?: Locale };

export type Page<T> = { items: T[]; cursor: string | null };
export type PageQuery = { cursor?: string | undefined; limit?: number | undefined };

export type MemberStatus = "invited" | "active" | "removed";
export type Member = {
  id: string;
  email: string;
  name: string;
  role: "owner" | "subcontractor";
  skills: string[];
  timeZone: string;
  weeklyCapacityHours: number;
  status: MemberStatus;
  locale: Locale;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type MemberInput = {
  email: string;
  name: string;
  skills: string[];
  timeZone: string;
  weeklyCapacityHours: number;
};
export type MemberPatch = Partial<Omit<MemberInput, "email">> & { version: number };

export const clientStatuses = ["lead", "onboarding", "active", "inactive"] as const;
export type ClientStatus = (typeof clientStatuses)[number];
export type Client = {
  id: string;
  name: string;
  code: string;
  timeZone: string;
  currency: string;
  status: ClientStatus;
  website: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type ClientInput = {
  name: string;
  code: string;
  timeZone: string;
  currency: string;
  status?: ClientStatus;
  website?: string | null;
  notes?: string | null;
};
export type ClientPatch = Partial<ClientInput> & { version: number };

export type ContactStatus = "invited" | "active" | "removed";
export type Contact = {
  id: string;
  clientId: string;
  email: string;
  name: string;
  timeZone: string;
  status: ContactStatus;
  createdAt: string;
};
export type ContactInput = { email: string; name: string; timeZone: string };

/** What a client's contacts see of their company: the agency's notes stay private. */
export type PortalClient = Omit<Client, "notes">;
export type Company = { client: PortalClient; contacts: Contact[] };

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};
export type CreatedApiKey = { apiKey: ApiKey; secret: string };

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
  current?: unknown;
};
