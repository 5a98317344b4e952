import { z } from "zod";

export const checkoutOutput = z.object({ url: z.string().describe("Stripe Checkout's page: send the person there") });
export const webhookOutput = z.object({ received: z.literal(true), outcome: z.string() });
