import type { Texts } from '../core/types.js'

/** Some of a language's texts, as one layer of them: categories and services field by field. */
export type TextLayer = Partial<Texts>

/**
 * English words of the placeholders of embeds held back: built into `keksi-embed.js`, which draws them on return
 * views without the rest of the UI, and into `keksi-ui.js` with the rest of the first view.
 */
export const enEmbeds = {
  embedNote: 'Loading it connects you to another site, which may set cookies.',
  loadVideo: 'Load video',
  load: 'Load content',
  alwaysAllow: 'Always allow',
  categories: {
    necessary: { title: 'Necessary' },
    analytics: { title: 'Analytics' },
    embeds: { title: 'Embedded content' }
  },
  // The embeds' services, which placeholders name; the others are named in the preferences alone.
  services: {
    youtube: { name: 'YouTube', provider: 'Google Ireland Ltd.' }
  }
} satisfies TextLayer

/**
 * English words of the first view: the banner, the floating button, and the placeholders' words. Built into
 * `keksi-ui.js`; every other language is a file of its own, loaded when needed.
 */
export const en = {
  title: 'Cookies on this site',
  description:
    'We use necessary cookies to make this site work. With your consent we also use analytics to improve it and show embedded videos. You can change your choice at any time from "Cookie settings".',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  policy: 'Privacy policy',
  preferencesTitle: 'Cookie settings',
  ...enEmbeds
} satisfies TextLayer

/**
 * English words of the preferences dialog alone, in `keksi-preferences.js` with it: most visitors never open it.
 */
export const enPreferences = {
  preferencesDescription: 'Choose what you allow. You can change your choice at any time.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  provider: 'Provider',
  purpose: 'Purpose',
  cookies: 'Cookies',
  session: 'session',
  gpc: "We honoured your browser's Global Privacy Control signal: optional cookies are off.",
  categories: {
    necessary: { description: 'Needed for the site to work and to remember your cookie choice.' },
    analytics: { description: 'Help us understand how the site is used, so we can improve it.' },
    embeds: { description: 'Videos and other content from other sites, which may set their own cookies.' }
  },
  services: {
    ga4: {
      name: 'Google Analytics 4',
      provider: 'Google Ireland Ltd.',
      purpose: 'Counts visits and how the site is used.'
    },
    hubspot: {
      name: 'HubSpot',
      provider: 'HubSpot, Inc.',
      purpose: 'Tracks visits and form submissions for marketing and sales.'
    },
    hotjar: {
      name: 'Hotjar',
      provider: 'Hotjar Ltd.',
      purpose: 'Heatmaps and recordings of how visitors use the pages.'
    },
    youtube: { purpose: 'Plays embedded videos.' }
  }
} satisfies TextLayer

/** Every English text, both layers joined: what a translation must have, and what the tests compare with. */
export const english = (): Texts => {
  const fields = (a: Record<string, object>, b: Record<string, object>) =>
    Object.fromEntries(Object.keys({ ...a, ...b }).map(name => [name, { ...a[name], ...b[name] }]))
  return {
    ...en,
    ...enPreferences,
    categories: fields(en.categories, enPreferences.categories),
    services: fields(en.services, enPreferences.services)
  }
}
