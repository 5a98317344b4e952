import type { Routes } from "@baton/functions/api";
import type { hc, InferRequestType, InferResponseType } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";

// Wire shapes of the Baton API, read off the API's own route types (`Routes`, imported as a
// type only: no API code reaches the bundle). Change a response in packages/functions and
// every screen that reads it is type-checked against the new shape.

type Api = ReturnType<typeof hc<Routes>>;
type Ok<Endpoint, Status extends SuccessStatusCode = 200> = InferResponseType<Endpoint, Status>;
type Json<Endpoint> = InferRequestType<Endpoint> extends { json: infer Body } ? Body : never;

export type AppName = "web" | "portal";

export type Me = Ok<Api["me"]["$get"]>;
export type MePatch = Json<Api["me"]["$patch"]>;
export type Agency = Me["agency"];
export type Locale = Me["locale"];
export type Role = Me["role"];

export type SignupMode = Ok<Api["signup"]["$get"]>["mode"];
export type SignupDetails = Omit<Json<Api["signup"]["complete"]["$post"]>, "token">;
export type FirstRun = Ok<Api["first-run"]["$get"]>;
export type FirstRunKey = FirstRun["steps"][number]["key"];

export type Page<T> = { items: T[]; cursor: string | null };
export type PageQuery = { cursor?: string | undefined; limit?: number | undefined };

export type Member = Ok<Api["members"][":memberId"]["$get"]>;
export type MemberStatus = Member["status"];
export type MemberInput = Json<Api["members"]["$post"]>;
export type MemberPatch = Json<Api["members"][":memberId"]["$patch"]>;

export type Client = Ok<Api["clients"][":clientId"]["$get"]>;
export type ClientStatus = Client["status"];
export type ClientInput = Json<Api["clients"]["$post"]>;
export type ClientPatch = Json<Api["clients"][":clientId"]["$patch"]>;
/** Every status, in the order the pickers list them; `satisfies` keeps it in step with the API. */
export const clientStatuses = ["lead", "onboarding", "active", "inactive"] as const satisfies readonly ClientStatus[];
type MissingStatus = Exclude<ClientStatus, (typeof clientStatuses)[number]>;
const everyStatusListed: [MissingStatus] extends [never] ? true : MissingStatus = true;
void everyStatusListed;

/** A client's data as one JSON document (the owner's export) and what an erase deleted and kept. */
export type ClientExport = { client: Client; exportedAt: string } & Record<string, unknown>;
export type ClientErased = Ok<Api["clients"][":clientId"]["erase"]["$post"]>;

export type Contact = Ok<Api["clients"][":clientId"]["contacts"]["$get"]>["items"][number];
export type ContactStatus = Contact["status"];
export type ContactInput = Json<Api["clients"][":clientId"]["contacts"]["$post"]>;

/** What a client's contacts see of their company: the agency's notes stay private. */
export type Company = Ok<Api["portal"]["company"]["$get"]>;
export type PortalClient = Company["client"];

export type ApiKey = Ok<Api["api-keys"]["$get"]>["items"][number];
export type CreatedApiKey = Ok<Api["api-keys"]["$post"], 201>;
export type ApiKeyScope = ApiKey["scopes"][number];

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
  current?: unknown;
};

// The work pipeline: requests, tasks, SOPs.
export type RequestsPage = Ok<Api["requests"]["$get"]>;
export type WorkRequest = RequestsPage["items"][number];
export type RequestStatus = WorkRequest["status"];
export type Priority = WorkRequest["priority"];
export type RequestInput = Json<Api["requests"]["$post"]>;
export type RequestDetail = Ok<Api["requests"][":requestId"]["$get"]>;
export type AcceptInput = Json<Api["requests"][":requestId"]["accept"]["$post"]>;
export type TaskPlan = AcceptInput["tasks"][number];
export type DeclineInput = Json<Api["requests"][":requestId"]["decline"]["$post"]>;
export type TimelineEntry = Ok<Api["requests"][":requestId"]["history"]["$get"]>["items"][number];
export type ThreadMessage = Ok<Api["requests"][":requestId"]["messages"]["$get"]>["items"][number];

export type TaskDetail = Ok<Api["tasks"][":taskId"]["$get"]>;
export type WorkTask = TaskDetail["task"];
export type TaskStatus = WorkTask["status"];
/** What a client sees of a task on their request (no assignee, estimate or QA notes). */
export type ClientTask = Ok<Api["tasks"][":taskId"]["approve"]["$post"]>;
export type Board = Ok<Api["tasks"]["board"]["$get"]>;
export type Deadlines = Ok<Api["tasks"]["deadlines"]["$get"]>;
export type Workload = Ok<Api["tasks"]["workload"]["$get"]>;
export type Candidate = Ok<Api["tasks"][":taskId"]["candidates"]["$get"]>["items"][number];
export type ReviewInput = Json<Api["tasks"][":taskId"]["review"]["$post"]>;
export type SubmitInput = Json<Api["tasks"][":taskId"]["submit"]["$post"]>;

export type SopSummary = Ok<Api["sops"]["$get"]>["items"][number];
export type SopDetail = Ok<Api["sops"][":sopId"]["$get"]>;
export type SopVersion = SopDetail["current"];
export type SopInput = Json<Api["sops"]["$post"]>;
export type SopPatch = Json<Api["sops"][":sopId"]["$patch"]>;

// Time and money: amounts are integer minor units with the ISO currency beside them.
export type AgencyPatch = Json<Api["agency"]["$patch"]>;
export type ExchangeRates = Ok<Api["agency"]["rates"]["$get"]>;
/** The agency's brand: the owner's settings (GET/PATCH /brand) and what the portal shows before sign-in. */
export type BrandSettings = Ok<Api["brand"]["$get"]>;
export type BrandPatch = Json<Api["brand"]["$patch"]>;
export type PublicBrand = Ok<Api["brand"]["public"]["$get"]>;
/** My timer as GET /time/timer, start and stop answer it: the running one, and the entry a stop recorded. */
export type TimerState = Ok<Api["time"]["timer"]["$get"]>;
export type Timer = NonNullable<TimerState["timer"]>;
export type TimeEntry = Ok<Api["time"]["$post"], 201>;
export type TimeEntryInput = Json<Api["time"]["$post"]>;
export type TimeEntryPatch = Json<Api["time"][":entryId"]["$patch"]>;
export type Timesheet = Ok<Api["time"]["week"]["$get"]>;
/** The team's hours in a week against capacity (owner's Time page). */
export type TeamWeek = Ok<Api["time"]["team"]["$get"]>;
/** Submitted time waiting for review, per member and week; what approving or returning answers. */
export type TimeWaiting = Ok<Api["time"]["approvals"]["$get"]>;
export type TimeDecision = Ok<Api["time"]["approvals"]["approve"]["$post"]>;
export type TaskTime = Ok<Api["time"]["task"][":taskId"]["$get"]>;
export type Invoice = Ok<Api["invoices"]["$get"]>["items"][number];
export type InvoiceStatus = Invoice["status"];
export type InvoiceLine = Invoice["lines"][number];
export type InvoiceDetail = Ok<Api["invoices"][":invoiceId"]["$get"]>;
export type Payment = InvoiceDetail["payments"][number];
export type ClientCredit = Ok<Api["clients"][":clientId"]["credits"]["$get"]>["items"][number];
export type InvoiceInput = Json<Api["invoices"]["$post"]>;
export type InvoiceEdit = Json<Api["invoices"][":invoiceId"]["$patch"]>;
export type PaymentInput = Json<Api["invoices"][":invoiceId"]["payments"]["$post"]>;
export type PaymentMethod = PaymentInput["method"];
export type CreditNote = InvoiceDetail["creditNotes"][number];
export type CreditNoteInput = Json<Api["invoices"][":invoiceId"]["credit-notes"]["$post"]>;
export type RefundInput = Json<Api["invoices"][":invoiceId"]["refunds"]["$post"]>;
export type ClientBilling = Client["billing"];
export type ServicePackage = Ok<Api["packages"]["$get"]>["items"][number];
export type ServicePackageInput = Json<Api["packages"]["$post"]>;
export type ServicePackagePatch = Json<Api["packages"][":packageId"]["$patch"]>;

// Money reports (owner): each amount in its own currency, never converted.
export type RevenueReport = Ok<Api["reports"]["revenue"]["$get"]>;
export type ReceivablesReport = Ok<Api["reports"]["receivables"]["$get"]>;
export type AgingBucket = ReceivablesReport["buckets"][number];
export type MarginReport = Ok<Api["reports"]["margin"]["$get"]>;
export type PayoutReport = Ok<Api["reports"]["payouts"]["$get"]>;
export type ResponsesReport = Ok<Api["reports"]["responses"]["$get"]>;

// The deadline calendar and its private feeds.
export type CalendarMonth = Ok<Api["calendar"]["month"]["$get"]>;
export type CalendarTask = CalendarMonth["tasks"][number];
export type FeedLink = Ok<Api["calendar"]["feed-url"]["$post"]>;

// Feedback surveys: the owner's summary, and the public survey page.
export type SurveySummary = Ok<Api["surveys"]["summary"]["$get"]>;
export type SurveyFollowUpInput = Json<Api["surveys"][":surveyId"]["follow-up"]["$post"]>;
export type SurveyPage = Ok<Api["surveys"]["respond"][":token"]["$get"]>;

// Client onboarding: the owner's kit, a client's progress (the same shape as the contact's checklist).
export type OnboardingKit = Ok<Api["onboarding"]["kit"]["$get"]>;
export type OnboardingKitInput = Json<Api["onboarding"]["kit"]["$put"]>;
export type OnboardingQuestion = OnboardingKit["questions"][number];
export type ClientOnboarding = Ok<Api["onboarding"]["clients"][":clientId"]["$get"]>;
/** The contact's own checklist: ClientOnboarding with the agreement and packet as safe HTML. */
export type MyOnboarding = Ok<Api["onboarding"]["mine"]["$get"]>;
export type OnboardingAnswersInput = Json<Api["onboarding"]["mine"]["answers"]["$put"]>;
export type OnboardingAcceptInput = Json<Api["onboarding"]["mine"]["agreement"]["$post"]>;

// Files (S3, presigned) and what each person has not read.
export type StartedUpload = Ok<Api["files"]["$post"], 201>;
export type UploadTicket = StartedUpload["upload"];
export type FileView = StartedUpload["file"];
export type FilePlace = FileView["place"];
export type ListedFile = Ok<Api["portal"]["files"]["$get"]>["items"][number];
export type FileUsage = Ok<Api["files"]["usage"]["$get"]>;
export type FileGroup = FileUsage["groups"][number];
export type Inbox = Ok<Api["inbox"]["$get"]>;
export type Unread = Inbox["items"][number];
export type MessageThread = ThreadMessage["thread"];
export type Activity = Ok<Api["requests"][":requestId"]["activity"]["$get"]>;

// The retainer hour bank (issue 17).
export type HourBank = Ok<Api["portal"]["hours"]["$get"]>;
export type SavedCard = Ok<Api["portal"]["card"]["$get"]>;
export type HourBankAdjustInput = Json<Api["hour-bank"]["clients"][":clientId"]["adjustments"]["$post"]>;
export type HourBankPolicy = Ok<Api["hour-bank"]["policy"]["$get"]>["policy"];
export type HourBankPolicyInput = Json<Api["hour-bank"]["policy"]["$patch"]>;
export type HourBankClientPolicy = Ok<Api["hour-bank"]["clients"][":clientId"]["policy"]["$patch"]>;
export type HourBankTransparency = HourBank["transparency"];
export type HourBankOverage = Ok<Api["hour-bank"]["overage"]["$get"]>["overage"];
export type HourBankOverageInput = Json<Api["hour-bank"]["overage"]["$patch"]>;
export type HourBankClientOverage = Ok<Api["hour-bank"]["clients"][":clientId"]["overage"]["$patch"]>;
export type HourBankConsentPage = Ok<Api["hour-bank"]["consent"][":token"]["$get"]>;
export type HourBankConsent = Ok<Api["hour-bank"]["consent"]["$post"]>;

// The service catalog (issue 18): the owner's services are the packages; a client sees its catalog.
export type PriceModel = ServicePackage["priceModel"];
export type ServiceVisibility = ServicePackage["visibility"];
export type FormQuestion = ServicePackage["form"][number];
export type CatalogService = Ok<Api["catalog"]["$get"]>["items"][number];
export type ServiceBrief = NonNullable<WorkRequest["brief"]>;
export type ProposedTask = RequestDetail["proposal"][number];

// Quotes (issue 18, part 3).
export type Quote = Ok<Api["quotes"]["$get"]>["items"][number];
export type QuoteStatus = Quote["status"];
export type QuoteInput = Json<Api["quotes"]["$post"]>;
export type QuoteEdit = Json<Api["quotes"][":quoteId"]["$patch"]>;
/** Subcontractor payouts: a month's statement, and the owner's overview of what is owed. */
export type PayoutStatement = Ok<Api["payouts"][":payoutId"]["$get"]>;
export type PayoutOverview = Ok<Api["payouts"]["$get"]>;
export type PayoutMethod = NonNullable<PayoutStatement["paid"]>["method"];
// Recurring work (issue 18, part 5): the owner's schedules.
export type Schedule = Ok<Api["schedules"]["$get"]>["items"][number];
export type ScheduleInput = Json<Api["schedules"]["$post"]>;
export type SchedulePatch = Json<Api["schedules"][":scheduleId"]["$patch"]>;
export type ScheduleRule = Schedule["rule"];

// The meeting planner and calendar invitations.
export type PlannerPeople = Ok<Api["planner"]["people"]["$get"]>;
export type PlannerAttendee = PlannerPeople["members"][number];
export type MeetingProposalInput = Json<Api["planner"]["proposals"]["$post"]>;
export type MeetingProposal = Ok<Api["planner"]["proposals"]["$post"]>;
export type TaskCalendarInvitation = Ok<Api["tasks"][":taskId"]["calendar-invitation"]["$post"]>;
/** Outgoing webhooks (issue 19). */
export type WebhookEndpoint = Ok<Api["integrations"]["endpoints"]["$get"]>["items"][number];
export type CreatedWebhookEndpoint = Ok<Api["integrations"]["endpoints"]["$post"], 201>;
export type WebhookDelivery = Ok<Api["integrations"]["endpoints"][":endpointId"]["deliveries"]["$get"]>["items"][number];

// The client vault (issue 23): entries never carry a secret; a reveal answers one.
export type VaultList = Ok<Api["vault"]["$get"]>;
export type VaultEntry = VaultList["items"][number];
export type VaultAccessRequest = VaultList["accessRequests"][number];
export type VaultAccess = Ok<Api["vault"]["log"]["$get"]>["items"][number];
export type VaultRevealed = Ok<Api["vault"][":vaultEntryId"]["reveal"]["$post"]>;
export type VaultEntryInput = Json<Api["vault"]["$post"]>;
export type VaultEntryPatch = Json<Api["vault"][":vaultEntryId"]["$patch"]>;
export type VaultRotateInput = Json<Api["vault"][":vaultEntryId"]["rotate"]["$post"]>;
export type VaultTask = Ok<Api["vault"]["tasks"][":taskId"]["$get"]>;
export type VaultChecklist = Ok<Api["vault"]["offboarding"][":memberId"]["$get"]>;
/** Search (issue 22): one page of what the viewer may open. */
export type SearchPage = Ok<Api["search"]["$get"]>;
export type SearchResult = SearchPage["items"][number];
/** A client's people managed by a client admin (issue 22): the list with `can`, an invitation, a role or invoice change. */
export type PortalPeople = Ok<Api["portal"]["people"]["$get"]>;
export type PeopleInvite = Json<Api["portal"]["people"]["$post"]>;
export type PersonUpdate = Json<Api["portal"]["people"][":contactId"]["$patch"]>;
