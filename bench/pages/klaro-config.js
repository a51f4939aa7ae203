// Klaro 0.7.22 for the benchmark page: the same three categories (Klaro's "purposes") and services as Keksi's
// page, the same English texts, a bottom bar. Klaro lists a purpose only when a service has it, so the necessary
// purpose holds one required service: the consent cookie itself.
window.klaroConfig = {
  version: 1,
  styling: { theme: ['light', 'bottom', 'wide'] },
  htmlTexts: false,
  groupByPurpose: true,
  purposeOrder: ['necessary', 'analytics', 'embeds'],
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  noticeAsModal: false,
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 182,
  lang: 'en',
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: {
      consentNotice: {
        description:
          'We use necessary cookies to make this site work. With your consent we also use analytics to improve it and show embedded videos. You can change your choice at any time from "Cookie settings".',
        learnMore: 'Settings'
      },
      consentModal: {
        title: 'Cookie settings',
        description:
          'Choose what you allow. Necessary cookies are always on. You can change your choice at any time.'
      },
      acceptAll: 'Accept all',
      acceptSelected: 'Save choices',
      decline: 'Reject all',
      ok: 'Accept all',
      purposes: {
        necessary: {
          title: 'Necessary',
          description:
            'Needed for the site to work and to remember your cookie choice. They cannot be turned off.'
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
      consent: { title: 'Consent cookie', description: 'Remembers your cookie choice.' },
      ga4: { title: 'Google Analytics 4', description: 'Counts visits and how the site is used.' },
      hubspot: {
        title: 'HubSpot',
        description: 'Tracks visits and form submissions for marketing and sales.'
      },
      hotjar: { title: 'Hotjar', description: 'Heatmaps and recordings of how visitors use the pages.' },
      youtube: { title: 'YouTube', description: 'Plays embedded videos.' }
    }
  },
  services: [
    { name: 'consent', purposes: ['necessary'], required: true },
    { name: 'ga4', purposes: ['analytics'], cookies: [/^_ga/] },
    { name: 'hubspot', purposes: ['analytics'], cookies: [/^(__hs|hubspotutk)/] },
    { name: 'hotjar', purposes: ['analytics'], cookies: [/^_hj/] },
    { name: 'youtube', purposes: ['embeds'] }
  ]
}
