// Placeholder until the Hono app lands: replaced by the real Lambda adapter.
export const handler = async () => ({ statusCode: 503, body: "starting" });
