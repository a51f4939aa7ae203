import type { Texts } from '../core/types.js'

/** English, built into the UI bundle; every other language is a file of its own, loaded when needed. */
export const en: Texts = {
  title: 'Cookies on this site',
  description:
    'We use necessary cookies to make this site work. With your consent we also use analytics to improve it and show embedded videos. You can change your choice at any time from "Cookie settings".',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  policy: 'Privacy policy',
  preferencesTitle: 'Cookie settings',
  preferencesDescription: 'Choose what you allow. You can change your choice at any time.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  provider: 'Provider',
  purpose: 'Purpose',
  cookies: 'Cookies',
  gpc: "We honoured your browser's Global Privacy Control signal: optional cookies are off.",
  categories: {
    necessary: {
      title: 'Necessary',
      description: 'Needed for the site to work and to remember your cookie choice.'
    },
    analytics: {
      title: 'Analytics',
      description: 'Help us understand how the site is used, so we can improve it.'
    },
    embeds: {
      title: 'Embedded content',
      description: 'Videos and other content from other sites, which may set their own cookies.'
    }
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
    youtube: { name: 'YouTube', provider: 'Google Ireland Ltd.', purpose: 'Plays embedded videos.' }
  }
}
