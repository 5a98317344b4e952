import type { Money } from "@baton/kernel";
import type { Routes } from "@baton/functions/api";
import { hc, type ClientResponse } from "hono/client";
import type { ResponseFormat } from "hono/types";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { locale } from "./i18n";
import type {
  SearchPage,
  PlannerPeople,
  MeetingProposal,
  MeetingProposalInput,
  TaskCalendarInvitation,
  Schedule,
  ScheduleInput,
  SchedulePatch,
  SavedCard,
  Agency,
  Quote,
  QuoteEdit,
  QuoteInput,
  HourBank,
  HourBankAdjustInput,
  HourBankClientPolicy,
  HourBankPolicy,
  HourBankPolicyInput,
  HourBankTransparency,
  HourBankOverage,
  HourBankOverageInput,
  HourBankClientOverage,
  HourBankConsentPage,
  HourBankConsent,
  AgencyPatch,
  ExchangeRates,
  BrandSettings,
  BrandPatch,
  PublicBrand,
  Invoice,
  InvoiceDetail,
  InvoiceEdit,
  InvoiceInput,
  InvoiceStatus,
  PaymentInput,
  CreditNoteInput,
  RefundInput,
  MarginReport,
  Locale,
  CalendarMonth,
  FeedLink,
  SurveyFollowUpInput,
  OnboardingKit,
  OnboardingKitInput,
  ClientOnboarding,
  MyOnboarding,
  OnboardingAnswersInput,
  OnboardingAcceptInput,
  SurveyPage,
  SurveySummary,
  CatalogService,
  ServicePackage,
  ServicePackageInput,
  ServicePackagePatch,
  PayoutReport,
  PayoutStatement,
  PayoutOverview,
  PayoutMethod,
  ResponsesReport,
  ReceivablesReport,
  RevenueReport,
  TaskTime,
  TimeEntry,
  TimeEntryInput,
  TimeEntryPatch,
  TimerState,
  TeamWeek,
  Timesheet,
  TimeDecision,
  TimeWaiting,
  AcceptInput,
  ApiKey,
  ApiKeyScope,
  ClientCredit,
  AppName,
  Board,
  Candidate,
  ClientTask,
  Deadlines,
  DeclineInput,
  RequestDetail,
  RequestInput,
  RequestStatus,
  ReviewInput,
  SopDetail,
  SopInput,
  SopPatch,
  SopSummary,
  SopVersion,
  SubmitInput,
  TaskDetail,
  ThreadMessage,
  TimelineEntry,
  WorkRequest,
  WorkTask,
  Workload,
  Client,
  ClientErased,
  ClientExport,
  ClientInput,
  ClientPatch,
  ClientStatus,
  Company,
  Contact,
  ContactInput,
  PortalPeople,
  PeopleInvite,
  PersonUpdate,
  CreatedApiKey,
  ErrorBody,
  Me,
  MePatch,
  FirstRun,
  SignupDetails,
  SignupMode,
  Member,
  MemberInput,
  MemberPatch,
  Page,
  PageQuery,
  Activity,
  FileUsage,
  FileView,
  Inbox,
  ListedFile,
  MessageThread,
  StartedUpload,
  VaultEntryInput,
  VaultEntryPatch,
  VaultRotateInput,
} from "./types";

// The one place that talks HTTP. Pages call `api.<resource>.<verb>()` only; underneath is
// Hono's `hc<Routes>` client, and every response goes through `unwrap()` (error parsing and
// the 401 redirect). `request()` is the untyped escape hatch for anything not in `Routes`.

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole error body: a 409 `conflict` carries `current` beside `error`. */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Config = {
  app: AppName;
  /** Called once per 401 (except for requests that opt out, like the sign-in calls). */
  onUnauthorized: (error: ApiError) => void;
};

const config: Config = { app: "web", onUnauthorized: () => {} };

export function configureApi(next: Partial<Config>) {
  Object.assign(config, next);
}

export const appName = () => config.app;

type Options = {
  query?: Record<string, string | number | undefined | null>;
  /** Don't send the user to sign-in on 401 (the auth calls answer 401 for bad links). */
  allowUnauthorized?: boolean;
};

/**
 * Headers every request needs: the API picks the session cookie and checks CSRF with it, and
 * answers in the language on screen (a signed-in person's saved language comes first).
 */
export const appHeaders = (): Record<string, string> => ({ "x-baton-app": config.app, "accept-language": locale() });

export async function send(method: string, path: string, body?: unknown, options: Options = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { ...appHeaders(), accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url.pathname + url.search, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  return unwrap(response, options);
}

export async function unwrap(response: Response, options: Pick<Options, "allowUnauthorized"> = {}) {
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data;
  const error = toApiError(response.status, data);
  if (response.status === 401 && !options.allowUnauthorized) config.onUnauthorized(error);
  throw error;
}

function toApiError(status: number, data: unknown): ApiError {
  const body = data as Partial<ErrorBody> | undefined;
  const err = body?.error;
  if (err && typeof err.code === "string") {
    return new ApiError(status, err.code, err.message || err.code, err.fields ?? {}, data);
  }
  return new ApiError(status, status >= 500 ? "server" : "http_" + status, `Request failed (${status}).`, {}, data);
}

export function request<T>(method: string, path: string, body?: unknown, options?: Options): Promise<T> {
  return send(method, path, body, options) as Promise<T>;
}

// End-to-end types: `Routes` is imported as a type only (no API code reaches the bundle).
// Each function below states the UI's shape (types.ts) as its return type, so if the API's
// responses drift from what the screens expect, `tsc` fails here, in one file.
const client = hc<Routes>("/api", {
  headers: appHeaders,
  init: { credentials: "same-origin" },
  fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      return await fetch(input, init);
    } catch {
      throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
    }
  }) as typeof fetch,
});

type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/** Awaits an hc call: the success body, or an ApiError (and the 401 policy) otherwise. */
async function call<R extends ClientResponse<unknown, number, ResponseFormat>>(
  pending: Promise<R>,
  options?: Pick<Options, "allowUnauthorized">,
): Promise<Ok<R>> {
  return (await unwrap((await pending) as unknown as Response, options)) as Ok<R>;
}

/** Query strings carry strings; unset values are left out. */
function q<T extends Record<string, string | number | undefined | null>>(query: T) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") out[key] = String(value);
  }
  return out as { [K in keyof T]?: NonNullable<T[K]> extends string ? NonNullable<T[K]> : string };
}

const noAuthRedirect = { allowUnauthorized: true };

export const api = {
  auth: {
    link: (email: string): Promise<{ ok: true }> =>
      call(client.auth.link.$post({ json: { email, app: config.app } }), noAuthRedirect),
    /** `locale`: the browser's, which an invited person's first sign-in makes theirs. */
    verify: (token: string, locale?: Locale): Promise<Me> => call(client.auth.verify.$post({ json: { token, ...(locale ? { locale } : {}) } }), noAuthRedirect),
    signOut: async (): Promise<void> => {
      await call(client.auth["sign-out"].$post(), noAuthRedirect);
    },
  },
  me: {
    get: (): Promise<Me> => call(client.me.$get()),
    update: (patch: MePatch): Promise<Me> => call(client.me.$patch({ json: patch })),
  },
  agency: {
    get: (): Promise<Agency> => call(client.agency.$get()),
    update: (patch: AgencyPatch): Promise<Agency> => call(client.agency.$patch({ json: patch })),
    /** The exchange rates the owner keeps, to the agency's currency. */
    rates: (): Promise<ExchangeRates> => call(client.agency.rates.$get()),
    setRate: (input: { currency: string; rate: string; date?: string }): Promise<ExchangeRates> => call(client.agency.rates.$put({ json: input })),
    removeRate: (currency: string): Promise<ExchangeRates> => call(client.agency.rates[":currency"].$delete({ param: { currency } })),
  },
  brand: {
    get: (): Promise<BrandSettings> => call(client.brand.$get()),
    update: (patch: BrandPatch): Promise<BrandSettings> => call(client.brand.$patch({ json: patch })),
    /** Before sign-in: the agency named (or the installation's); never sends anyone to sign in. */
    public: (agency?: string | null, v?: string | null): Promise<PublicBrand> => call(client.brand.public.$get({ query: q({ agency, v }) }), noAuthRedirect),
  },
  members: {
    list: (query: PageQuery = {}): Promise<Page<Member>> => call(client.members.$get({ query: q(query) })),
    get: (id: string): Promise<Member> => call(client.members[":memberId"].$get({ param: { memberId: id } })),
    create: (input: MemberInput): Promise<Member> => call(client.members.$post({ json: input })),
    update: (id: string, patch: MemberPatch): Promise<Member> =>
      call(client.members[":memberId"].$patch({ param: { memberId: id }, json: patch })),
    invite: (id: string): Promise<{ ok: true }> =>
      call(client.members[":memberId"].invite.$post({ param: { memberId: id } })),
    remove: (id: string): Promise<Member> => call(client.members[":memberId"].$delete({ param: { memberId: id } })),
  },
  clients: {
    list: (query: PageQuery & { status?: ClientStatus | undefined } = {}): Promise<Page<Client>> =>
      call(client.clients.$get({ query: q(query) })),
    get: (id: string): Promise<Client> => call(client.clients[":clientId"].$get({ param: { clientId: id } })),
    create: (input: ClientInput): Promise<Client> => call(client.clients.$post({ json: input })),
    update: (id: string, patch: ClientPatch): Promise<Client> =>
      call(client.clients[":clientId"].$patch({ param: { clientId: id }, json: patch })),
    /** Everything about the client as one JSON document (the owner in person; audited). */
    exportData: (id: string): Promise<ClientExport> =>
      call(client.clients[":clientId"].export.$post({ param: { clientId: id } })) as Promise<ClientExport>,
    /** Erases the client's data but what the law keeps; `code` is the client's code, typed to confirm. */
    erase: (id: string, code: string): Promise<ClientErased> => call(client.clients[":clientId"].erase.$post({ param: { clientId: id }, json: { code } })),
  },
  contacts: {
    list: (clientId: string, query: PageQuery = {}): Promise<Page<Contact>> =>
      call(client.clients[":clientId"].contacts.$get({ param: { clientId }, query: q(query) })),
    create: (clientId: string, input: ContactInput): Promise<Contact> =>
      call(client.clients[":clientId"].contacts.$post({ param: { clientId }, json: input })),
    invite: (clientId: string, contactId: string): Promise<{ ok: true }> =>
      call(client.clients[":clientId"].contacts[":contactId"].invite.$post({ param: { clientId, contactId } })),
    /** Ends their sessions, sign-in links and calendar feed; reversible with `reactivate`. */
    deactivate: (clientId: string, contactId: string): Promise<Contact> =>
      call(client.clients[":clientId"].contacts[":contactId"].deactivate.$post({ param: { clientId, contactId } })),
    reactivate: (clientId: string, contactId: string): Promise<Contact> =>
      call(client.clients[":clientId"].contacts[":contactId"].reactivate.$post({ param: { clientId, contactId } })),
    remove: async (clientId: string, contactId: string): Promise<void> => {
      await call(client.clients[":clientId"].contacts[":contactId"].$delete({ param: { clientId, contactId } }));
    },
  },
  hourBank: {
    ofClient: (clientId: string): Promise<HourBank> => call(client["hour-bank"].clients[":clientId"].$get({ param: { clientId } })),
    adjust: (clientId: string, input: HourBankAdjustInput): Promise<HourBank> => call(client["hour-bank"].clients[":clientId"].adjustments.$post({ param: { clientId }, json: input })),
    policy: (): Promise<{ policy: HourBankPolicy }> => call(client["hour-bank"].policy.$get()),
    setPolicy: (input: HourBankPolicyInput): Promise<{ policy: HourBankPolicy }> => call(client["hour-bank"].policy.$patch({ json: input })),
    /** null returns the client to the agency's default. */
    setClientPolicy: (clientId: string, policy: HourBankPolicyInput | null): Promise<HourBankClientPolicy> =>
      call(client["hour-bank"].clients[":clientId"].policy.$patch({ param: { clientId }, json: { policy } })),
    overage: (): Promise<{ overage: HourBankOverage }> => call(client["hour-bank"].overage.$get()),
    setOverage: (input: HourBankOverageInput): Promise<{ overage: HourBankOverage }> => call(client["hour-bank"].overage.$patch({ json: input })),
    /** null returns the client to the agency's default. */
    setClientOverage: (clientId: string, overage: HourBankOverageInput | null): Promise<HourBankClientOverage> =>
      call(client["hour-bank"].clients[":clientId"].overage.$patch({ param: { clientId }, json: { overage } })),
    /** The public consent page: the link's signed token is the credential (no session). */
    consentPage: (token: string, locale: "en" | "el" | "hi"): Promise<HourBankConsentPage> =>
      call(client["hour-bank"].consent[":token"].$get({ param: { token: encodeURIComponent(token) }, query: { locale } }), noAuthRedirect),
    approveByLink: (input: { token: string; fullName: string; minutes: number; locale: "en" | "el" | "hi" }): Promise<HourBankConsent> =>
      call(client["hour-bank"].consent.$post({ json: input }), noAuthRedirect),
    setTransparency: (clientId: string, transparency: HourBankTransparency): Promise<{ transparency: HourBankTransparency }> =>
      call(client["hour-bank"].clients[":clientId"].transparency.$patch({ param: { clientId }, json: { transparency } })),
  },
  portal: {
    company: (): Promise<Company> => call(client.portal.company.$get()),
    hours: (): Promise<HourBank> => call(client.portal.hours.$get()),
    /** The company's saved card and autopay choice (enabled: false without Stripe). */
    card: (): Promise<SavedCard> => call(client.portal.card.$get()),
    /** Starts Stripe Checkout in setup mode: answers the page to send the browser to. */
    saveCard: (): Promise<{ url: string }> => call(client.portal.card.setup.$post()),
    removeCard: (): Promise<SavedCard> => call(client.portal.card.$delete()),
    setAutopay: (input: { version: number; autopay: boolean }): Promise<SavedCard> => call(client.portal.card.autopay.$put({ json: input })),
    approveHours: (input: { fullName: string; minutes: number; locale: "en" | "el" | "hi"; availableMinutes: number }): Promise<HourBankConsent> => call(client.portal.hours.consent.$post({ json: input })),
  },
  requests: {
    list: (query: PageQuery & { status?: RequestStatus | "all" | undefined; clientId?: string | undefined } = {}): Promise<Page<WorkRequest>> =>
      call(client.requests.$get({ query: q(query) })),
    submit: (input: RequestInput): Promise<WorkRequest> => call(client.requests.$post({ json: input })),
    get: (id: string): Promise<RequestDetail> => call(client.requests[":requestId"].$get({ param: { requestId: id } })),
    accept: (id: string, input: AcceptInput): Promise<RequestDetail> =>
      call(client.requests[":requestId"].accept.$post({ param: { requestId: id }, json: input })),
    decline: (id: string, input: DeclineInput): Promise<RequestDetail> =>
      call(client.requests[":requestId"].decline.$post({ param: { requestId: id }, json: input })),
    history: (id: string): Promise<Page<TimelineEntry>> =>
      call(client.requests[":requestId"].history.$get({ param: { requestId: id } })),
    /** `stamp`: the request's state as read, for "anything new since?" (useLiveRequest). */
    messages: (id: string, query: PageQuery & { thread?: MessageThread } = {}): Promise<Page<ThreadMessage> & { stamp: string }> =>
      call(client.requests[":requestId"].messages.$get({ param: { requestId: id }, query: q(query) as never })),
    post: (id: string, body: string, options: { thread?: MessageThread; fileIds?: string[] } = {}): Promise<ThreadMessage> =>
      call(client.requests[":requestId"].messages.$post({ param: { requestId: id }, json: { body, ...options } })),
    /** "Anything new since `since`?": the request's stamp, from one read. */
    activity: (id: string, since?: string): Promise<Activity> =>
      call(client.requests[":requestId"].activity.$get({ param: { requestId: id }, query: q({ since }) })),
    /** Everything on the request is read for the signed-in person. */
    read: async (id: string): Promise<void> => {
      await call(client.requests[":requestId"].read.$post({ param: { requestId: id } }));
    },
  },
  tasks: {
    board: (clientId?: string): Promise<Board> => call(client.tasks.board.$get({ query: q({ clientId }) })),
    mine: (): Promise<Page<WorkTask>> => call(client.tasks.mine.$get()),
    qa: (): Promise<Page<WorkTask>> => call(client.tasks.qa.$get()),
    deadlines: (): Promise<Deadlines> => call(client.tasks.deadlines.$get()),
    workload: (weeks?: number): Promise<Workload> => call(client.tasks.workload.$get({ query: q({ weeks }) })),
    get: (id: string): Promise<TaskDetail> => call(client.tasks[":taskId"].$get({ param: { taskId: id } })),
    candidates: (id: string): Promise<Page<Candidate>> => call(client.tasks[":taskId"].candidates.$get({ param: { taskId: id } })),
    assign: (id: string, version: number, memberId: string): Promise<TaskDetail> =>
      call(client.tasks[":taskId"].assign.$post({ param: { taskId: id }, json: { version, memberId } })),
    tick: (id: string, itemId: string, version: number, done: boolean): Promise<TaskDetail> =>
      call(client.tasks[":taskId"].checklist[":itemId"].$post({ param: { taskId: id, itemId }, json: { version, done } })),
    submit: (id: string, input: SubmitInput): Promise<TaskDetail> =>
      call(client.tasks[":taskId"].submit.$post({ param: { taskId: id }, json: input })),
    review: (id: string, input: ReviewInput): Promise<TaskDetail> =>
      call(client.tasks[":taskId"].review.$post({ param: { taskId: id }, json: input })),
    approve: (id: string, version: number): Promise<ClientTask> =>
      call(client.tasks[":taskId"].approve.$post({ param: { taskId: id }, json: { version } })),
    revision: (id: string, version: number, comment: string): Promise<ClientTask> =>
      call(client.tasks[":taskId"].revision.$post({ param: { taskId: id }, json: { version, comment } })),
  },
  sops: {
    list: (query: PageQuery & { q?: string | undefined; category?: string | undefined } = {}): Promise<Page<SopSummary>> =>
      call(client.sops.$get({ query: q(query) })),
    create: (input: SopInput): Promise<SopDetail> => call(client.sops.$post({ json: input })),
    get: (id: string): Promise<SopDetail> => call(client.sops[":sopId"].$get({ param: { sopId: id } })),
    update: (id: string, patch: SopPatch): Promise<SopDetail> => call(client.sops[":sopId"].$patch({ param: { sopId: id }, json: patch })),
    setTools: (id: string, body: { version: number; tools: string[] }): Promise<SopDetail> => call(client.sops[":sopId"].tools.$put({ param: { sopId: id }, json: body })),
    versions: (id: string): Promise<Page<SopVersion>> => call(client.sops[":sopId"].versions.$get({ param: { sopId: id } })),
    version: (id: string, number: number): Promise<SopVersion> =>
      call(client.sops[":sopId"].versions[":number"].$get({ param: { sopId: id, number: String(number) } })),
  },
  time: {
    timer: (): Promise<TimerState> => call(client.time.timer.$get()),
    start: (taskId: string, note?: string): Promise<TimerState> => call(client.time.timer.start.$post({ json: { taskId, ...(note ? { note } : {}) } })),
    stop: (input: { billable?: boolean; note?: string } = {}): Promise<TimerState> => call(client.time.timer.stop.$post({ json: input })),
    week: (query: { memberId?: string | undefined; date?: string | undefined } = {}): Promise<Timesheet> => call(client.time.week.$get({ query: q(query) })),
    team: (date?: string): Promise<TeamWeek> => call(client.time.team.$get({ query: q({ date }) })),
    forTask: (taskId: string): Promise<TaskTime> => call(client.time.task[":taskId"].$get({ param: { taskId } })),
    unbilled: (clientId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<Page<TimeEntry> & { increment: Money.BillingIncrement }> =>
      call(client.time.unbilled.$get({ query: { ...q(range), clientId } })),
    create: (input: TimeEntryInput): Promise<TimeEntry> => call(client.time.$post({ json: input })),
    update: (id: string, patch: TimeEntryPatch): Promise<TimeEntry> => call(client.time[":entryId"].$patch({ param: { entryId: id }, json: patch })),
    remove: async (id: string, version: number): Promise<void> => {
      await call(client.time[":entryId"].$delete({ param: { entryId: id }, query: { version: String(version) } }));
    },
    submitWeek: (date?: string): Promise<Timesheet> => call(client.time.week.submit.$post({ json: date ? { date } : {} })),
    waiting: (): Promise<TimeWaiting> => call(client.time.approvals.$get()),
    approve: (entryIds: string[]): Promise<TimeDecision> => call(client.time.approvals.approve.$post({ json: { entryIds } })),
    returnEntries: (entryIds: string[], note: string): Promise<TimeDecision> => call(client.time.approvals.return.$post({ json: { entryIds, note } })),
  },
  invoices: {
    list: (query: PageQuery & { status?: InvoiceStatus | "all" | undefined; clientId?: string | undefined } = {}): Promise<Page<Invoice>> =>
      call(client.invoices.$get({ query: q(query) })),
    get: (id: string): Promise<InvoiceDetail> => call(client.invoices[":invoiceId"].$get({ param: { invoiceId: id } })),
    create: (input: InvoiceInput): Promise<InvoiceDetail> => call(client.invoices.$post({ json: input })),
    removeDraft: async (id: string, version: number): Promise<void> => {
      await call(client.invoices[":invoiceId"].$delete({ param: { invoiceId: id }, query: { version: String(version) } }));
    },
    /** Edits a draft from the version read (409 with the invoice once it changed or was sent). */
    editDraft: (id: string, edit: InvoiceEdit): Promise<InvoiceDetail> => call(client.invoices[":invoiceId"].$patch({ param: { invoiceId: id }, json: edit })),
    send: (id: string, version: number, rate?: string): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"].send.$post({ param: { invoiceId: id }, json: { version, ...(rate ? { rate } : {}) } })),
    /** Stamps the exchange rate on an invoice sent without one (owner). */
    setRate: (id: string, version: number, rate: string): Promise<InvoiceDetail> => call(client.invoices[":invoiceId"].rate.$put({ param: { invoiceId: id }, json: { version, rate } })),
    void: (id: string, version: number, reason?: string): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"].void.$post({ param: { invoiceId: id }, json: { version, ...(reason ? { reason } : {}) } })),
    recordPayment: (id: string, input: PaymentInput): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"].payments.$post({ param: { invoiceId: id }, json: input })),
    /** A client's issued deposit invoices not yet taken off another invoice. */
    openDeposits: (clientId: string): Promise<Page<Invoice>> => call(client.invoices.deposits.$get({ query: { clientId } })),
    checkout: (id: string): Promise<{ url: string }> => call(client.invoices[":invoiceId"].checkout.$post({ param: { invoiceId: id } })),
    /** Card money received on a void invoice: applied to another unpaid invoice of the client, or marked refunded. */
    applyCredit: (invoiceId: string, paymentId: string, targetInvoiceId: string): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"].credits[":paymentId"].apply.$post({ param: { invoiceId, paymentId }, json: { invoiceId: targetInvoiceId } })),
    refundCredit: (invoiceId: string, paymentId: string, reference?: string): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"].credits[":paymentId"].refund.$post({ param: { invoiceId, paymentId }, json: reference ? { reference } : {} })),
    /** A client's open credits, across its void invoices. */
    creditsOf: (clientId: string): Promise<Page<ClientCredit>> => call(client.clients[":clientId"].credits.$get({ param: { clientId } })),
    /** A client's saved card and whether autopay is on (enabled: false without Stripe). */
    cardOf: (clientId: string): Promise<SavedCard> => call(client.clients[":clientId"].card.$get({ param: { clientId } })),
    /** The print-ready invoice page (opens in a new tab; the browser prints or saves it as PDF). */
    /** Opened as a page (no x-baton-app header can go with it): `?app=` says whose session cookie to read. */
    printUrl: (id: string) => `/api/invoices/${encodeURIComponent(id)}/print?app=${config.app}`,
    /** The invoice as a PDF file (the server answers it as an attachment named by its number). */
    pdfUrl: (id: string) => `/api/invoices/${encodeURIComponent(id)}/pdf?app=${config.app}`,
    /** A credit note against the invoice, as a PDF file named by its number. */
    creditNotePdfUrl: (id: string, creditNoteId: string) => `/api/invoices/${encodeURIComponent(id)}/credit-notes/${encodeURIComponent(creditNoteId)}/pdf?app=${config.app}`,
    /** Issues a credit note against a sent invoice (owner): what it owes goes down. */
    issueCreditNote: (id: string, input: CreditNoteInput): Promise<InvoiceDetail> =>
      call(client.invoices[":invoiceId"]["credit-notes"].$post({ param: { invoiceId: id }, json: input })),
    /** Records a refund of money owed back on an invoice (owner): to the card through Stripe, or by hand. */
    refund: (id: string, input: RefundInput): Promise<InvoiceDetail> => call(client.invoices[":invoiceId"].refunds.$post({ param: { invoiceId: id }, json: input })),
    /** CSV downloads for QuickBooks Online and Xero (see docs/ACCOUNTING.md). */
    csvUrl: (kind: "invoices" | "time", range: { from?: string; to?: string } = {}) =>
      `/api/exports/${kind}${range.from || range.to ? `?${new URLSearchParams(range as Record<string, string>)}` : ""}`,
  },
  packages: {
    list: (status: "active" | "archived" | "all" = "active"): Promise<Page<ServicePackage>> => call(client.packages.$get({ query: { status } })),
    get: (id: string): Promise<ServicePackage> => call(client.packages[":packageId"].$get({ param: { packageId: id } })),
    create: (input: ServicePackageInput): Promise<ServicePackage> => call(client.packages.$post({ json: input })),
    update: (id: string, patch: ServicePackagePatch): Promise<ServicePackage> => call(client.packages[":packageId"].$patch({ param: { packageId: id }, json: patch })),
  },
  /** The services a client contact may request, each with its intake form. */
  catalog: {
    list: (): Promise<Page<CatalogService>> => call(client.catalog.$get()),
    get: (id: string): Promise<CatalogService> => call(client.catalog[":packageId"].$get({ param: { packageId: id } })),
    /** The services a client may request, as they see them (the owner filing a request for them). */
    ofClient: (clientId: string): Promise<Page<CatalogService>> => call(client.catalog.clients[":clientId"].$get({ param: { clientId } })),
  },
  calendar: {
    /** A month ("" = this month) of deadlines; "" filters are "all". */
    month: (query: { month?: string; clientId?: string; memberId?: string } = {}): Promise<CalendarMonth> => call(client.calendar.month.$get({ query: q(query) })),
    /** The signed-in person's feed: its URL only when just made (it is stored hashed). */
    feedUrl: (): Promise<FeedLink> => call(client.calendar["feed-url"].$post()),
    rotateFeedUrl: (): Promise<FeedLink> => call(client.calendar["feed-url"].rotate.$post()),
  },
  surveys: {
    summary: (range: { from?: string; to?: string } = {}): Promise<SurveySummary> => call(client.surveys.summary.$get({ query: q(range) })),
    followUp: (id: string, input: SurveyFollowUpInput) => call(client.surveys[":surveyId"]["follow-up"].$post({ param: { surveyId: id }, json: input })),
    /** The public survey page: the link's signed token is the credential (no session). */
    view: (token: string): Promise<SurveyPage> => call(client.surveys.respond[":token"].$get({ param: { token: encodeURIComponent(token) } }), noAuthRedirect),
    answer: (token: string, score: number): Promise<SurveyPage> => call(client.surveys.respond.$post({ json: { token, score } }), noAuthRedirect),
    addComment: (token: string, comment: string): Promise<SurveyPage> => call(client.surveys.respond.comment.$post({ json: { token, comment } }), noAuthRedirect),
  },
  onboarding: {
    kit: (): Promise<OnboardingKit> => call(client.onboarding.kit.$get()),
    saveKit: (input: OnboardingKitInput): Promise<OnboardingKit> => call(client.onboarding.kit.$put({ json: input })),
    forClient: (clientId: string): Promise<ClientOnboarding> => call(client.onboarding.clients[":clientId"].$get({ param: { clientId } })),
    /** Opens the checklist in the portal for the client's contacts (sends nothing by itself). */
    start: (clientId: string): Promise<ClientOnboarding> => call(client.onboarding.clients[":clientId"].start.$post({ param: { clientId } })),
    /** The signed-in contact's checklist. */
    mine: (): Promise<MyOnboarding> => call(client.onboarding.mine.$get()),
    saveAnswers: (input: OnboardingAnswersInput): Promise<ClientOnboarding> => call(client.onboarding.mine.answers.$put({ json: input })),
    acceptAgreement: (input: OnboardingAcceptInput): Promise<ClientOnboarding> => call(client.onboarding.mine.agreement.$post({ json: input })),
    readPacket: (version: number): Promise<ClientOnboarding> => call(client.onboarding.mine.packet.$post({ json: { version } })),
    /** The signed agreement's PDF: the contact's own company's, or (owner) a client's. */
    signedPdfUrl: (clientId?: string) =>
      clientId ? `/api/onboarding/clients/${encodeURIComponent(clientId)}/agreement/pdf?app=${config.app}` : `/api/onboarding/mine/agreement/pdf?app=${config.app}`,
  },
  reports: {
    revenue: (range: { from?: string | undefined; to?: string | undefined } = {}): Promise<RevenueReport> => call(client.reports.revenue.$get({ query: q(range) })),
    receivables: (): Promise<ReceivablesReport> => call(client.reports.receivables.$get()),
    margin: (range: { from?: string | undefined; to?: string | undefined } = {}): Promise<MarginReport> => call(client.reports.margin.$get({ query: q(range) })),
    payouts: (range: { from?: string | undefined; to?: string | undefined } = {}): Promise<PayoutReport> => call(client.reports.payouts.$get({ query: q(range) })),
    responses: (range: { from?: string | undefined; to?: string | undefined } = {}): Promise<ResponsesReport> => call(client.reports.responses.$get({ query: q(range) })),
  },
  files: {
    start: (input: { name: string; size: number; type: string; place: FileView["place"]; targetId?: string; replaces?: string }): Promise<StartedUpload> =>
      call(client.files.$post({ json: input })),
    confirm: (id: string, parts?: { number: number; etag: string }[]): Promise<FileView> =>
      call(client.files[":fileId"].confirm.$post({ param: { fileId: id }, json: parts ? { parts } : {} })),
    remove: async (id: string): Promise<void> => {
      await call(client.files[":fileId"].$delete({ param: { fileId: id } }));
    },
    usage: (): Promise<FileUsage> => call(client.files.usage.$get()),
    forClient: (clientId: string, query: PageQuery = {}): Promise<Page<ListedFile>> =>
      call(client.clients[":clientId"].files.$get({ param: { clientId }, query: q(query) })),
    mine: (query: PageQuery = {}): Promise<Page<ListedFile>> => call(client.portal.files.$get({ query: q(query) })),
    ofSop: (sopId: string): Promise<Page<FileView>> => call(client.sops[":sopId"].files.$get({ param: { sopId } })),
    /** The API's own addresses: each visit redirects to a fresh presigned GET of a few minutes. */
    downloadUrl: (id: string) => `/api/files/${encodeURIComponent(id)}/download?app=${config.app}`,
    viewUrl: (id: string) => `/api/files/${encodeURIComponent(id)}/view?app=${config.app}`,
  },
  inbox: {
    mine: (): Promise<Inbox> => call(client.inbox.$get()),
  },
  /** Self-serve sign-up: none of these send anyone to sign-in on 401. */
  signup: {
    mode: async (): Promise<SignupMode> => (await call(client.signup.$get(), noAuthRedirect)).mode,
    start: (email: string, inviteCode: string | undefined, locale: Locale): Promise<{ ok: true }> =>
      call(client.signup.start.$post({ json: { email, locale, ...(inviteCode ? { inviteCode } : {}) } }), noAuthRedirect),
    check: (token: string): Promise<{ email: string }> => call(client.signup.check.$post({ json: { token } }), noAuthRedirect),
    complete: (token: string, details: SignupDetails): Promise<Me> => call(client.signup.complete.$post({ json: { token, ...details } }), noAuthRedirect),
  },
  firstRun: {
    get: (): Promise<FirstRun> => call(client["first-run"].$get()),
    dismiss: (): Promise<FirstRun> => call(client["first-run"].dismiss.$post()),
  },
  apiKeys: {
    list: (): Promise<Page<ApiKey>> => call(client["api-keys"].$get()),
    create: (name: string, scopes: ApiKeyScope[]): Promise<CreatedApiKey> => call(client["api-keys"].$post({ json: { name, scopes } })),
    revoke: async (id: string): Promise<void> => {
      await call(client["api-keys"][":apiKeyId"].$delete({ param: { apiKeyId: id } }));
    },
  },
  /** Quotes (issue 18, part 3): the owner drafts, edits and sends; the client's contact accepts or declines. */
  quotes: {
    list: (clientId?: string): Promise<Page<Quote>> => call(client.quotes.$get({ query: clientId ? { clientId } : {} })),
    get: (id: string): Promise<Quote> => call(client.quotes[":quoteId"].$get({ param: { quoteId: id } })),
    create: (input: QuoteInput): Promise<Quote> => call(client.quotes.$post({ json: input })),
    edit: (id: string, edit: QuoteEdit): Promise<Quote> => call(client.quotes[":quoteId"].$patch({ param: { quoteId: id }, json: edit })),
    send: (id: string, version: number): Promise<Quote> => call(client.quotes[":quoteId"].send.$post({ param: { quoteId: id }, json: { version } })),
    accept: (id: string, input: { version: number; fullName: string; sha256: string }): Promise<Quote> => call(client.quotes[":quoteId"].accept.$post({ param: { quoteId: id }, json: input })),
    decline: (id: string, input: { version: number; reason: string }): Promise<Quote> => call(client.quotes[":quoteId"].decline.$post({ param: { quoteId: id }, json: input })),
    /** An accepted quote as a PDF with its acceptance record (a plain link: the app is named for the session). */
    pdfUrl: (id: string) => `/api/quotes/${encodeURIComponent(id)}/pdf?app=${config.app}`,
  },
  /** Subcontractor payouts (issue 17 part 6): the owner's overview and statements; a member's own. */
  payouts: {
    overview: (period?: string): Promise<PayoutOverview> => call(client.payouts.$get({ query: period ? { period } : {} })),
    issue: (memberId: string, period: string): Promise<PayoutStatement> => call(client.payouts.$post({ json: { memberId, period } })),
    mine: (): Promise<{ statements: PayoutStatement[] }> => call(client.payouts.mine.$get()),
    get: (id: string): Promise<PayoutStatement> => call(client.payouts[":payoutId"].$get({ param: { payoutId: id } })),
    markPaid: (id: string, method: PayoutMethod, reference: string): Promise<PayoutStatement> =>
      call(client.payouts[":payoutId"].paid.$post({ param: { payoutId: id }, json: { method, reference } })),
    /** The statement as a PDF file (the team app's session: no app parameter needed). */
    pdfUrl: (id: string) => `/api/payouts/${encodeURIComponent(id)}/pdf`,
    csvUrl: (range: { from?: string; to?: string } = {}) => `/api/payouts/export${range.from || range.to ? `?${new URLSearchParams(range as Record<string, string>)}` : ""}`,
  },
  /** Recurring work (owner): schedules that make a request and its tasks per occurrence. */
  schedules: {
    list: (clientId?: string): Promise<Page<Schedule>> => call(client.schedules.$get({ query: clientId ? { clientId } : {} })),
    create: (input: ScheduleInput): Promise<Schedule> => call(client.schedules.$post({ json: input })),
    update: (id: string, patch: SchedulePatch): Promise<Schedule> => call(client.schedules[":scheduleId"].$patch({ param: { scheduleId: id }, json: patch })),
    pause: (id: string, version: number): Promise<Schedule> => call(client.schedules[":scheduleId"].pause.$post({ param: { scheduleId: id }, json: { version } })),
    resume: (id: string, version: number): Promise<Schedule> => call(client.schedules[":scheduleId"].resume.$post({ param: { scheduleId: id }, json: { version } })),
    remove: async (id: string): Promise<void> => {
      await call(client.schedules[":scheduleId"].$delete({ param: { scheduleId: id } }));
    },
  },
  /** The meeting planner (owner): people with their hours, proposing a slot; a task's due date to the assignee's calendar. */
  planner: {
    people: (clientId?: string): Promise<PlannerPeople> => call(client.planner.people.$get({ query: clientId ? { client: clientId } : {} })),
    propose: (input: MeetingProposalInput): Promise<MeetingProposal> => call(client.planner.proposals.$post({ json: input })),
    taskInvitation: (taskId: string): Promise<TaskCalendarInvitation> => call(client.tasks[":taskId"]["calendar-invitation"].$post({ param: { taskId } })),
  },
  /** Outgoing webhooks (issue 19): the owner's endpoints, a test event, the delivery log and redelivery. */
  integrations: {
    eventTypes: () => call(client.integrations["event-types"].$get()),
    endpoints: () => call(client.integrations.endpoints.$get()),
    createEndpoint: (input: { url: string; events: string[]; description?: string; kind?: "webhook" | "slack" | "teams"; clientId?: string; locale?: "en" | "el" | "hi" }) => call(client.integrations.endpoints.$post({ json: input as never })),
    updateEndpoint: (id: string, patch: { version: number; status?: "active" | "disabled"; events?: string[] }) =>
      call(client.integrations.endpoints[":endpointId"].$patch({ param: { endpointId: id }, json: patch as never })),
    removeEndpoint: async (id: string): Promise<void> => {
      await call(client.integrations.endpoints[":endpointId"].$delete({ param: { endpointId: id } }));
    },
    sendTest: (id: string) => call(client.integrations.endpoints[":endpointId"].test.$post({ param: { endpointId: id } })),
    deliveries: (id: string, page: PageQuery = {}) =>
      call(client.integrations.endpoints[":endpointId"].deliveries.$get({ param: { endpointId: id }, query: { ...(page.cursor ? { cursor: page.cursor } : {}), ...(page.limit ? { limit: String(page.limit) } : {}) } })),
    redeliver: (id: string, deliveryId: string) =>
      call(client.integrations.endpoints[":endpointId"].deliveries[":deliveryId"].redeliver.$post({ param: { endpointId: id, deliveryId } })),
  },
  /** The client vault (issue 23): a client's logins without secrets, reveals with a reason, the access log, requests, a task's entries, offboarding. */
  vault: {
    list: (clientId?: string) => call(client.vault.$get({ query: clientId ? { clientId } : {} })),
    create: (input: VaultEntryInput) => call(client.vault.$post({ json: input })),
    edit: (id: string, patch: VaultEntryPatch) => call(client.vault[":vaultEntryId"].$patch({ param: { vaultEntryId: id }, json: patch })),
    rotate: (id: string, input: VaultRotateInput) => call(client.vault[":vaultEntryId"].rotate.$post({ param: { vaultEntryId: id }, json: input })),
    reveal: (id: string, input: { reason?: string; taskId?: string }) => call(client.vault[":vaultEntryId"].reveal.$post({ param: { vaultEntryId: id }, json: input })),
    remove: async (id: string): Promise<void> => {
      await call(client.vault[":vaultEntryId"].$delete({ param: { vaultEntryId: id } }));
    },
    log: (clientId?: string, page: PageQuery = {}) =>
      call(client.vault.log.$get({ query: { ...(clientId ? { clientId } : {}), ...(page.cursor ? { cursor: page.cursor } : {}), ...(page.limit ? { limit: String(page.limit) } : {}) } })),
    requestAccess: (input: { clientId: string; tool: string; note?: string }) => call(client.vault.requests.$post({ json: input })),
    ofTask: (taskId: string) => call(client.vault.tasks[":taskId"].$get({ param: { taskId } })),
    setForTask: (taskId: string, vaultEntryIds: string[]) => call(client.vault.tasks[":taskId"].$put({ param: { taskId }, json: { vaultEntryIds } })),
    offboarding: (memberId: string) => call(client.vault.offboarding[":memberId"].$get({ param: { memberId } })),
    clientChecklist: (clientId: string) => call(client.vault.clients[":clientId"].checklist.$get({ param: { clientId } })),
  },
  /** Search (issue 22): clients, requests, tasks, invoices and SOPs the viewer may open, a page at a time. */
  search: (query: { q: string; cursor?: string | undefined; limit?: number }): Promise<SearchPage> =>
    call(client.search.$get({ query: { q: query.q, ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.limit ? { limit: String(query.limit) } : {}) } })),
  /**
   * A client's people with roles and who receives invoices (issue 22): the portal's People page for
   * a client admin (no clientId), and the owner's override on a client's page (clientId).
   */
  people: {
    list: (): Promise<PortalPeople> => call(client.portal.people.$get()),
    invite: (input: PeopleInvite): Promise<Contact> => call(client.portal.people.$post({ json: input })),
    update: (contactId: string, input: PersonUpdate): Promise<Contact> => call(client.portal.people[":contactId"].$patch({ param: { contactId }, json: input })),
    remove: async (contactId: string): Promise<void> => {
      await call(client.portal.people[":contactId"].$delete({ param: { contactId } }));
    },
    /** The owner's override: a role or the invoice choice of a client's contact. */
    updateForClient: (clientId: string, contactId: string, input: PersonUpdate): Promise<Contact> =>
      call(client.clients[":clientId"].contacts[":contactId"].$patch({ param: { clientId, contactId }, json: input })),
  },
};

/**
 * The thing's current state a 409 carries, if any: after a stale `version` ("conflict") or a
 * move its status no longer allows (e.g. "task.invalid_transition").
 */
export function conflictCurrent<T>(error: unknown): T | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  const body = error.body as { current?: T } | undefined;
  return body?.current ?? undefined;
}
