/** What the unit tests share: the built-in services configured by id, and the option names. */

/** All four built-in services by id; a fresh object each time, so no test shares what the validation is given. */
export const allFour = () => ({
  ga4: { id: 'G-ABC123XYZ' },
  hubspot: { id: '1234567' },
  hotjar: { id: '3456789' },
  youtube: {}
})

/** Every option of `KeksiConfig`, in the order the validation knows them. */
export const OPTION_KEYS = [
  'policyUrl',
  'revision',
  'lang',
  'theme',
  'css',
  'layout',
  'position',
  'floatingButton',
  'cookieName',
  'cookieDomain',
  'expiresDays',
  'categories',
  'services',
  'texts',
  'reloadOnRevoke',
  'gpc',
  'consentMode',
  'record',
  'debug'
]

/** Every field of a service in the config, in the order the validation knows them. */
export const SERVICE_KEYS = [
  'id',
  'category',
  'name',
  'provider',
  'purpose',
  'cookies',
  'storage',
  'hosts',
  'src',
  'mode',
  'region'
]

/** Google Consent Mode's signals, every one denied: the default, and what a refusal updates them to. */
export const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied'
}
