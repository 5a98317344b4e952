import { z } from "zod";

export const checkoutOutput = z.object({ url: z.string().describe("Stripe Checkout's page: send the person there") });
export const webhookOutput = z.object({ received: z.literal(true), outcome: z.string() });

export const cardOutput = z.object({
  enabled: z.boolean().describe("False without Stripe: nothing about cards is shown"),
  card: z.object({ brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int() }).nullable(),
  autopay: z.boolean().describe("Retainer invoices are charged to the saved card when issued"),
  version: z.number().int(),
});
