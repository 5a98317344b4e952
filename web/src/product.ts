// The product's own name: the team app may say it (its title, a small "powered by"); the portal
// and every email show the agency's brand instead, so it lives here, not in the shared catalogs.
export const PRODUCT = "Baton";
