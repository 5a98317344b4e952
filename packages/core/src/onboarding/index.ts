// Client onboarding. The owner keeps one kit (kit.ts): an intake questionnaire, an agreement in
// four sections and a welcome packet. Starting a lead's onboarding copies the kit onto the client
// (progress.ts), so later edits never change what a client is part-way through. The client's
// contacts then answer (answers.ts), accept the agreement by typed name against the SHA-256 of
// its exact text (agreement.ts) and read the packet; the last step makes the client active.

export * as Onboarding from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { QuestionKinds, type QuestionKind } from "./entity.ts";
export { emptyKit, kit, MAX_QUESTIONS, saveKit, saveSchema, type Agreement, type Kit, type KitInput, type Question } from "./kit.ts";
export { agreementDigest, agreementText, composedAgreement, shownAgreement, type AgreementParts } from "./agreement.ts";
export { checkAnswers, type Answers } from "./answers.ts";
export { mySignedCopy, signedCopyFor, type SignedCopy } from "./signed.ts";
export { accept, acceptSchema, comparableName, answer, answerSchema, forClient, mine, packetSchema, present, readPacket, start, type ClientOnboarding, type MyOnboarding } from "./progress.ts";
