// vanilla-cookieconsent 3.1.0 for the benchmark page: the same three categories and services as Keksi's page,
// the same English texts, a bottom bar with equal-weight buttons. Written as the docs' cookieconsent-config.js.
import '/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js'

/** vanilla-cookieconsent does not gate iframes (that is its separate iframemanager): this is the glue. */
const youtube = on => {
  for (const frame of document.querySelectorAll('iframe[data-service="youtube"]')) {
    if (on) frame.src = frame.dataset.src ?? ''
    else frame.removeAttribute('src')
  }
}

window.CookieConsent.run({
  // Its default (true) hides the banner from navigator.webdriver, which is true under Playwright.
  hideFromBots: false,
  guiOptions: {
    consentModal: { layout: 'bar inline', position: 'bottom', equalWeightButtons: true },
    preferencesModal: { layout: 'box', equalWeightButtons: true }
  },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: /^_hj/ }, { name: /^(__hs|hubspotutk)/ }] },
      services: {
        ga4: { label: 'Google Analytics 4' },
        hubspot: { label: 'HubSpot' },
        hotjar: { label: 'Hotjar' }
      }
    },
    embeds: {
      services: {
        youtube: { label: 'YouTube', onAccept: () => youtube(true), onReject: () => youtube(false) }
      }
    }
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on this site',
          description:
            'We use necessary cookies to make this site work. With your consent we also use analytics to improve it and show embedded videos. You can change your choice at any time from "Cookie settings". <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Settings'
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            {
              description:
                'Choose what you allow. Necessary cookies are always on. You can change your choice at any time.'
            },
            {
              title: 'Necessary',
              description:
                'Needed for the site to work and to remember your cookie choice. They cannot be turned off.',
              linkedCategory: 'necessary'
            },
            {
              title: 'Analytics',
              description: 'Help us understand how the site is used, so we can improve it.',
              linkedCategory: 'analytics'
            },
            {
              title: 'Embedded content',
              description: 'Videos and other content from other sites, which may set their own cookies.',
              linkedCategory: 'embeds'
            }
          ]
        }
      }
    }
  }
})
