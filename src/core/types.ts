/** How the visitor (or the site's code) reached a decision. */
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'gpc'

/**
 * A decision, as `keksi.get()`, the store and every event hand it out.
 *
 * @example
 * const consent = keksi.get()
 * if (consent?.services.hotjar) console.log('Hotjar allowed since', consent.decidedAt)
 */
export interface Consent {
  /** A random id for this decision, the key of a consent record. Never sent to a vendor. */
  id: string
  /** The config `revision` the visitor decided under. */
  revision: number
  /** ISO 8601 time of the decision; a visit never moves it. */
  decidedAt: string
  /** ISO 8601 time when Keksi will ask again (`decidedAt` + `expiresDays`). */
  expiresAt: string
  method: Method
  /** Every category by name; `necessary` is always `true`. */
  categories: Record<string, boolean>
  /** Every configured service by id. A service is granted only inside a granted category. */
  services: Record<string, boolean>
}

/** What a category or service may be toggled to with `keksi.set()`; names not given keep their state. */
export type Choices = Record<string, boolean>

/** The words a visitor reads. Every key can be overridden per language with `texts`. */
export interface Texts {
  /** The banner's heading. */
  title: string
  /** The banner's text; `[label](url)` becomes a link. */
  description: string
  acceptAll: string
  rejectAll: string
  settings: string
  /** The label of the privacy-policy link. */
  policy: string
  preferencesTitle: string
  preferencesDescription: string
  save: string
  close: string
  /** Shown next to the locked switch of `necessary`. */
  alwaysOn: string
  provider: string
  purpose: string
  cookies: string
  /** The lifetime of a cookie deleted when the browser closes, shown after its name. */
  session: string
  /** Shown in the preferences when the browser's Global Privacy Control signal made the decision. */
  gpc: string
  /** On the placeholder of an embed held back, under its title and provider. */
  embedNote: string
  /** The placeholder's button that loads a video this once. */
  loadVideo: string
  /** The same button for an embed that is not a video. */
  load: string
  /** The placeholder's button that allows the embed's service (or category) from now on. */
  alwaysAllow: string
  /** Titles and descriptions of categories, by category name. */
  categories: Record<string, { title?: string; description?: string }>
  /** What visitors read of each service, by service id. */
  services: Record<string, { name?: string; provider?: string; purpose?: string }>
}

/** A category the site adds, e.g. `marketing`, or the texts of a built-in one. */
export interface CategoryConfig {
  title?: string
  description?: string
}

/**
 * A service in the config: a built-in one (`ga4`, `hubspot`, `hotjar`, `youtube`) needs only its `id`;
 * a custom one names its `category`.
 */
export interface ServiceConfig {
  /** The vendor's id of the site (GA4 measurement id, HubSpot portal id, Hotjar site id). */
  id?: string
  /** The category this service belongs to; built-ins know their own. */
  category?: string
  /** The name visitors read, e.g. "Matomo". */
  name?: string
  /** The company behind it. */
  provider?: string
  /** What it is used for, in a sentence. */
  purpose?: string
  /**
   * The cookies it sets, listed for visitors in the preferences and deleted when consent is withdrawn: each a name
   * or `prefix*` pattern, optionally followed by its lifetime (`2y`, `13mo`, `30d`, `12h`, `30min` or `session`),
   * shown in the visitor's language: `["_pk_id* 13mo", "_pk_ses* 30min"]`.
   */
  cookies?: string[]
  /** Its `localStorage` and `sessionStorage` keys (names or `prefix*`), deleted when consent is withdrawn. */
  storage?: string[]
  /**
   * The hosts its scripts and frames come from (`stats.example.com` also matches its subdomains): auto-blocking holds
   * back any script or iframe from them that another script inserts, until the service is granted.
   */
  hosts?: string[]
  /** A custom service's script, loaded (with the Keksi tag's nonce) once it is granted. */
  src?: string
  /**
   * GA4 only: `basic` (the default) loads nothing from Google before consent; `advanced` loads gtag.js at once, with
   * every Consent Mode signal denied, so Google receives cookieless pings (and with them the visitor's IP address and
   * browser) before any decision. Choose it only where your legal basis allows.
   */
  mode?: 'basic' | 'advanced'
  /** HubSpot only: `eu1` loads the tracking code from HubSpot's EU data centre (`js-eu1.hs-scripts.com`). */
  region?: 'eu1'
}

/**
 * The options of `init()`, and the keys of the `<script type="application/json" id="keksi-config">` block.
 *
 * @example
 * const config: KeksiConfig = { policyUrl: '/privacy', services: { ga4: { id: 'G-ABC123XYZ' } } }
 */
export interface KeksiConfig {
  /** The config's JSON schema, for editors (`dist/keksi-config.schema.json`); Keksi ignores it. */
  $schema?: string
  /** Your privacy policy; the banner links to it. `data-policy-url`. */
  policyUrl?: string
  /** Raise it when what you ask consent for changes: every visitor is asked again. `data-revision`. Default 1. */
  revision?: number
  /** `auto` (from `<html lang>`, then the browser) or a language code. `data-lang`. Default `auto`. */
  lang?: string
  /** `light`, `dark` or `auto` (follows the visitor's system). `data-theme`. Default `light`. */
  theme?: 'light' | 'dark' | 'auto'
  /** The URL of the stylesheet to load into the banner instead of the theme, or `none`. `data-css`. */
  css?: string
  /**
   * The banner's shape: `bar` (across the page), `box` (in a corner), or `wall` (centred over a dimmed page that
   * waits for a choice: use it only where the law lets you). Default `bar`.
   */
  layout?: 'bar' | 'box' | 'wall'
  /**
   * The corner a box sits in, at the bottom of the window: `left` or `right`. Default `left`, clear of the chat
   * launchers that sit on the right. (Nothing sits at the top: there, the page's first elements could not be
   * scrolled clear of it when they have keyboard focus.)
   */
  position?: 'left' | 'right'
  /**
   * A small "Cookie settings" button fixed in the page's bottom-left corner once the visitor has decided. It is drawn
   * by `keksi-ui.js`, which return views then fetch too, after the page has loaded. Default `false`.
   */
  floatingButton?: boolean
  /** The consent cookie's name. Default `keksi`. */
  cookieName?: string
  /** Share the decision with subdomains, e.g. `example.com`. Default: this host only. */
  cookieDomain?: string
  /** Days a decision lasts, counted from the decision: 1 to 395. Default 182 (about six months). */
  expiresDays?: number
  /** Categories to add (e.g. `marketing`), or texts for the built-in ones. */
  categories?: Record<string, CategoryConfig>
  /** Services by id. `data-ga4`, `data-hubspot`, `data-hotjar` set `services.<id>.id`. */
  services?: Record<string, ServiceConfig>
  /** Texts per language, overriding the built-in ones: `{ en: { title: 'Cookies on Acme' } }`. */
  texts?: Record<string, Partial<Texts>>
  /** Reload the page once after a visitor withdraws consent for a script that already ran. Default `true`. */
  reloadOnRevoke?: boolean
  /**
   * Honour the browser's Global Privacy Control signal: such a visitor starts with every optional category off
   * (stored as a decision of method `gpc`, so no banner) and can still opt in from "change decision". Default `true`.
   */
  gpc?: boolean
  /**
   * Google Consent Mode v2 (README "Google Consent Mode"): `default` (all denied but `security_storage`) as keksi.js
   * runs, `update` on every decision. Which Keksi names grant which signals: a signal is granted when any name
   * mapped to it is. Default `{ "analytics": ["analytics_storage"], "marketing": ["ad_storage", "ad_user_data",
   * "ad_personalization"] }`, with `ga4` in place of `analytics` when GA4 is configured. `false` turns it off.
   */
  consentMode?: boolean | Record<string, ConsentSignal[]>
  /**
   * Proof of consent (README "Proof of consent"): the URL of your consent-record receiver (`npx keksi-records`).
   * Every decision is sent there as a record: its id, time, revision, method, categories and services, the page,
   * the language and the wording shown. Never the visitor's IP address, browser or other cookies. Default: none.
   */
  record?: string
  /** Debug mode: a console report of the decision, what is held and released, and every resource that escaped. `data-debug`. Default `false`. */
  debug?: boolean
}

/** Google Consent Mode v2's storage signals (README "Google Consent Mode"). */
export type ConsentSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'

/**
 * A built-in vendor: everything Keksi knows of it, in one file of `services/` (README "Services"), with its words
 * in the texts. Adding a vendor is writing one of these.
 */
export interface Vendor {
  category: string
  /** The format of the site's id at the vendor, when the vendor needs one; `example` is one, for the message. */
  id?: RegExp
  example?: string
  /** The cookies it sets, as `ServiceConfig.cookies` writes them, from the vendor's own documentation. */
  cookies: string[]
  /** Its `localStorage` / `sessionStorage` keys. */
  storage?: string[]
  /** The hosts its scripts and frames come from. */
  hosts: string[]
  /** The values each vendor-specific option (`mode`, `region`) may take; left out, the vendor's default applies. */
  options?: Record<string, string[]>
  /**
   * Wires the vendor into the page as it documents for consent tools: called once, as keksi.js starts (before any
   * decision is applied); returns what to do when the service's grant is first known and whenever it changes.
   * @internal
   */
  wire?: (service: Service, load: (src: string, id?: string) => void) => (granted: boolean) => void
}

/** A service after validation: the built-in vendor's facts merged with the owner's config. */
export interface Service {
  key: string
  category: string
  /** The vendor's cookies, then those the owner listed. */
  cookies: string[]
  storage: string[]
  hosts: string[]
  id?: string
  name?: string
  provider?: string
  purpose?: string
  src?: string
  mode?: string
  region?: string
}

export interface Category {
  name: string
  /** Service ids in this category, in config order. */
  services: string[]
}

/** The config after validation: every default filled in, every mistake reported and made safe. */
export interface ResolvedConfig {
  policyUrl?: string
  revision: number
  lang: string
  theme: 'light' | 'dark' | 'auto'
  css?: string
  layout?: 'bar' | 'box' | 'wall'
  position?: 'left' | 'right'
  floatingButton?: boolean
  cookieName: string
  cookieDomain?: string
  expiresDays: number
  reloadOnRevoke: boolean
  gpc: boolean
  consentMode: boolean | Record<string, ConsentSignal[]>
  record?: string
  debug?: boolean
  /** Every category, `necessary` first. */
  categories: Category[]
  services: Record<string, Service>
  /** `categories` as the owner wrote it, for the UI, which checks its texts when it loads. */
  categoryTexts: Record<string, unknown>
  /** `texts` as the owner wrote it, for the UI, which checks it when it loads. */
  texts: Record<string, unknown>
}

/** Where the encoded decision lives: a cookie in the browser, memory in tests. */
export interface ConsentStorage {
  read(): string | undefined
  write(value: string, expires: Date): void
  clear(): void
}

/**
 * Reports an owner's mistake (README "Mistakes") as data: a code saying what was expected, where
 * (`services.ga4.id`), what was found there, and the names that would have been right. `diagnostics/describe.ts`
 * puts it into words.
 */
export type Report = (code: string, at: string, found?: unknown, known?: string[]) => void
