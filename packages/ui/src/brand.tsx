import { query, createAsync } from "@solidjs/router";
import { createEffect, createSignal, Show, type Accessor } from "solid-js";
import { api } from "./api";
import type { PublicBrand } from "./types";

// The agency's brand in the apps. The portal must know it before anyone signs in, so it asks the
// public brand read for the agency its address names (`?agency=agy_…`, which links the agency
// shares carry), else the one this browser last saw, else the installation's (a custom domain's
// BATON_PORTAL_AGENCY, or its only agency). Once someone signs in, their agency is remembered.

const AGENCY_KEY = "baton.agency";
const AGENCY_ID = /^agy_[0-9a-hjkmnp-tv-z]{26}$/;

/** The agency this page is for, as far as the browser can tell before sign-in. */
export function knownAgency(): string | null {
  const named = new URLSearchParams(window.location.search).get("agency");
  if (named && AGENCY_ID.test(named)) {
    rememberAgency(named);
    return named;
  }
  try {
    const saved = localStorage.getItem(AGENCY_KEY);
    return saved && AGENCY_ID.test(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function rememberAgency(agencyId: string) {
  try {
    localStorage.setItem(AGENCY_KEY, agencyId);
  } catch {
    // without storage the page asks for the installation's brand next time
  }
}

const NEUTRAL: PublicBrand = { agencyId: null, name: null, title: null, welcome: null, color: null, logoUrl: null };

/** The public brand of `agencyId` (or the installation's); neutral when it can't be read. */
export const getBrand = query(async (agencyId: string | null, version?: string): Promise<PublicBrand> => {
  try {
    return await api.brand.public(agencyId, version);
  } catch {
    return NEUTRAL;
  }
}, "brand");

// The signed-in person's agency, once known (session.tsx sets it): their brand from then on.
// Its version rides along: a saved brand moves it, so the brand is read afresh, not from a cache.
const [signedInAgency, setSignedInAgencySignal] = createSignal<{ id: string; version: number } | null>(null);
export function setSignedInAgency(agencyId: string, version: number) {
  rememberAgency(agencyId);
  setSignedInAgencySignal({ id: agencyId, version });
}

/** The brand for this page: the signed-in person's agency when known, else the one the address implies. */
export function useBrand(agencyId?: Accessor<string | null | undefined>): Accessor<PublicBrand | undefined> {
  return createAsync(() => {
    const signed = signedInAgency();
    const named = agencyId?.();
    if (named && named !== signed?.id) return getBrand(named);
    return signed ? getBrand(signed.id, String(signed.version)) : getBrand(knownAgency());
  });
}

/**
 * Paints the brand on the page: the colour as the apps' primary colour (already darkened by the
 * API until white text on it reads at 4.5:1), the document title's suffix and the tab's icon.
 */
export function ApplyBrand(props: { brand: PublicBrand | undefined }) {
  createEffect(() => {
    const brand = props.brand;
    const root = document.documentElement.style;
    if (brand?.color && /^#[0-9a-f]{6}$/i.test(brand.color)) {
      root.setProperty("--primary", brand.color);
      root.setProperty("--primary-hover", `color-mix(in srgb, ${brand.color} 82%, black)`);
      root.setProperty("--primary-soft", `color-mix(in srgb, ${brand.color} 10%, white)`);
    } else {
      for (const name of ["--primary", "--primary-hover", "--primary-soft"]) root.removeProperty(name);
    }
    setAppTitle(brand?.title ?? brand?.name ?? null);
    if (brand?.logoUrl) {
      const icon = document.querySelector<HTMLLinkElement>("link[rel='icon']");
      if (icon) icon.href = brand.logoUrl;
    }
  });
  return null;
}

/** The agency's logo, or its name when it has none. */
export function BrandMark(props: { brand: PublicBrand | undefined; fallback: string; class?: string }) {
  return (
    <Show when={props.brand?.logoUrl} fallback={<span class={props.class}>{props.brand?.name ?? props.fallback}</span>}>
      {(url) => <img class="brand-logo" src={url()} alt={props.brand?.name ?? props.fallback} />}
    </Show>
  );
}

// The title suffix ("<page> · <title>"): the portal's brand, or the team app's own name.
const [appTitle, setAppTitleSignal] = createSignal<string | null>(null);
export const currentAppTitle = appTitle;
export const setAppTitle = (title: string | null) => setAppTitleSignal(title);
