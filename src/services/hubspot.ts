import type { Vendor } from '../core/types.js'
import { page } from './page.js'

/** HubSpot's queues, as its tracking code reads them once it loads. */
const queue = (name: '_hsp' | '_hsq'): unknown[][] => {
  page[name] ??= []
  return page[name] as unknown[][]
}

/**
 * HubSpot's tracking code, wired as HubSpot documents for a third-party consent tool: its own cookie banner off,
 * its consent API told the choice on every page view before the code loads, and on withdrawal its revoke call and
 * "do not track". Cookies from HubSpot's "Cookies set in a visitor's browser" article; `__hs_do_not_track` is left
 * alone, as it is HubSpot's record of the refusal.
 */
export const hubspot: Vendor = {
  category: 'analytics',
  id: /^\d{3,10}$/,
  example: '1234567',
  cookies: [
    '__hstc 6mo',
    'hubspotutk 6mo',
    '__hssc 30min',
    '__hssrc session',
    'messagesUtk 6mo',
    '__hs_cookie_cat_pref 6mo',
    '__hs_initial_opt_in 7d',
    '__hs_opt_out 6mo'
  ],
  hosts: [
    'hs-scripts.com',
    'hs-analytics.net',
    'hs-banner.com',
    'hscollectedforms.net',
    'hsadspixel.net',
    'hsleadflows.net',
    'hsforms.net',
    'hsforms.com',
    'usemessages.com',
    'hubspot.com',
    'hubapi.com'
  ],
  options: { region: ['eu1'] },
  wire({ id, region }, load) {
    page.disableHubSpotCookieBanner = true
    /** Whether HubSpot's code was loaded in this page view, and whether HubSpot was refused in it. */
    let loaded = false
    let refused = false
    return granted => {
      queue('_hsp').push([
        'setHubSpotConsent',
        { analytics: granted, advertisement: false, functionality: granted }
      ])
      if (!granted) {
        refused = true
        // A refusal on a page where HubSpot never loaded needs nothing more: its code does not come.
        if (loaded) {
          queue('_hsp').push(['revokeCookieConsent'])
          queue('_hsq').push(['doNotTrack'])
        }
        return
      }
      // Granted after a refusal: HubSpot's own record of a withdrawal (`__hs_do_not_track`), if it kept one, goes.
      // The withdrawal was stored as a refusal that lives as long as that record (6 months), so every page view knows
      // without reading the cookie.
      if (refused) queue('_hsq').push(['doNotTrack', { track: true }])
      refused = false
      if (!loaded) load(`https://js${region ? `-${region}` : ''}.hs-scripts.com/${id}.js`, 'hs-script-loader')
      loaded = true
    }
  }
}
