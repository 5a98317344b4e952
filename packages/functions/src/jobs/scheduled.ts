// Placeholder until scheduled jobs land.
export const handler = async () => {};
