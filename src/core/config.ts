import type { Category, KeksiConfig, Report, ResolvedConfig, Service, Vendor } from './types.js'

/** The categories every site has (README "Services"), in the order the preferences list them. */
export const BUILT_IN_CATEGORIES = ['necessary', 'analytics', 'embeds']

const THEMES = ['light', 'dark', 'auto']
const NAME = /^[a-z][a-z0-9_-]{0,31}$/
const SERVICE_KEYS = [
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
/** The service keys that hold lists of names or patterns. */
const LISTS = ['cookies', 'storage', 'hosts']
/** Google Consent Mode's signals that a category may grant (README "Google Consent Mode"). */
export const SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage'
]
/** The cookie codec holds grants as bits of one number; 50 stays well inside its 53 safe bits. */
const MAX_NAMES = 50

/**
 * Whether `url` is safe to put in an `href` or `src`: http(s) or relative, never `javascript:`, `data:` and the like
 * (README "Mistakes"). Browsers drop tabs and newlines anywhere in a URL and control characters and spaces before
 * it; so does this. The scheme's class spells out both cases: the `i` flag on a class costs a page's first use
 * about 0.2 ms in Chromium, and this runs on every page view.
 */
export const isSafeUrl = (url: unknown): boolean => {
  if (typeof url !== 'string') return false
  const clean = url.replace(/^[^!-~]+|[\t\n\r]/g, '')
  return /^https?:/i.test(clean) || !/^[a-zA-Z][\w+.-]*:/.test(clean)
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string' && value !== ''
const isWhole = (value: unknown, min: number, max = 1e9): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/** Each option's test; a value that fails it is reported and the default stays. */
const OPTIONS: Record<Exclude<keyof KeksiConfig, '$schema'>, (value: unknown) => boolean> = {
  policyUrl: value => isString(value) && isSafeUrl(value),
  revision: value => isWhole(value, 0),
  lang: isString,
  theme: value => THEMES.includes(value as string),
  css: value => value === 'none' || (isString(value) && isSafeUrl(value)),
  layout: value => ['bar', 'box', 'wall'].includes(value as string),
  position: value => ['left', 'right'].includes(value as string),
  floatingButton: value => typeof value === 'boolean',
  cookieName: value => typeof value === 'string' && /^[\w-]{1,32}$/.test(value),
  cookieDomain: isString,
  // 395 days: the longest a consent is commonly held valid (13 months); browsers cap cookies at 400.
  expiresDays: value => isWhole(value, 1, 395),
  categories: isObject,
  services: isObject,
  texts: isObject,
  reloadOnRevoke: value => typeof value === 'boolean',
  gpc: value => typeof value === 'boolean',
  consentMode: value =>
    typeof value === 'boolean' ||
    (isObject(value) &&
      Object.values(value).every(
        signals => Array.isArray(signals) && signals.every(signal => SIGNALS.includes(signal))
      )),
  record: value => isString(value) && isSafeUrl(value),
  debug: value => typeof value === 'boolean'
}

/**
 * Validates a config and fills in the defaults. Every mistake is reported once, naming the key, what was
 * found and what was expected; the key then takes its safe default (README "Mistakes"). Never throws. Texts are
 * the UI's business and are checked when it loads.
 *
 * @example
 * const config = resolveConfig({ services: { ga4: { id: 'G-ABC123XYZ' } } }, builtIns, console.warn)
 */
export function resolveConfig(
  input: unknown,
  builtIns: Record<string, Vendor>,
  report: Report
): ResolvedConfig {
  const resolved: ResolvedConfig = {
    revision: 1,
    lang: 'auto',
    theme: 'light',
    cookieName: 'keksi',
    expiresDays: 182,
    reloadOnRevoke: true,
    gpc: true,
    consentMode: true,
    categories: BUILT_IN_CATEGORIES.map(name => ({ name, services: [] })),
    services: {},
    categoryTexts: {},
    texts: {}
  }
  if (!isObject(input)) {
    report('config', 'config', input)
    input = {}
  }
  const options = input as Record<string, unknown>
  for (const [key, value] of Object.entries(options)) {
    // The schema reference is for editors (README "JSON schema").
    if (key === '$schema') continue
    // Own keys only: a config may hold "__proto__" or "constructor", which are nobody's options.
    const valid = Object.hasOwn(OPTIONS, key) ? OPTIONS[key as keyof typeof OPTIONS] : undefined
    if (!valid) report('unknown', key, value, Object.keys(OPTIONS))
    // Objects are copied: the owner's config is never changed. The categories' texts are kept for the UI; their
    // names become categories below.
    else if (valid(value)) {
      ;(resolved as unknown as Record<string, unknown>)[key === 'categories' ? 'categoryTexts' : key] =
        isObject(value) ? { ...value } : value
    } else report(key, key, value)
  }
  if (options.policyUrl === undefined) report('missing', 'policyUrl')

  for (const [name, value] of Object.entries(resolved.categoryTexts)) {
    if (!NAME.test(name) || !(value === undefined || isObject(value))) {
      report('category', `categories.${name}`, value)
      delete resolved.categoryTexts[name]
    } else if (!resolved.categories.some(category => category.name === name)) {
      if (consentNames(resolved).length < MAX_NAMES) resolved.categories.push({ name, services: [] })
      else report('limit', `categories.${name}`)
    }
  }

  for (const [key, value] of Object.entries(resolved.services)) {
    delete resolved.services[key]
    const builtIn = Object.hasOwn(builtIns, key) ? builtIns[key] : undefined
    const service = resolveService(key, value, builtIn, resolved.categories, report)
    if (!service) continue
    if (consentNames(resolved).length >= MAX_NAMES) {
      report('limit', `services.${key}`)
      continue
    }
    resolved.services[key] = service
    resolved.categories.find(category => category.name === service.category)?.services.push(key)
  }
  // A built-in that needs no id is there unasked (README "Services"): `data-consent="youtube"` works on any page.
  for (const [key, vendor] of Object.entries(builtIns)) {
    if (vendor.id || resolved.services[key] || consentNames(resolved).length >= MAX_NAMES) continue
    resolved.services[key] = resolveService(key, {}, vendor, resolved.categories, report) as Service
    resolved.categories.find(category => category.name === vendor.category)?.services.push(key)
  }

  return resolved
}

function resolveService(
  key: string,
  value: unknown,
  builtIn: Vendor | undefined,
  categories: Category[],
  report: Report
): Service | undefined {
  const where = `services.${key}`
  if (value === true) value = {}
  if (!NAME.test(key) || categories.some(category => category.name === key) || !isObject(value)) {
    report('service', where, value)
    return undefined
  }
  const service: Service = { key, category: '', cookies: [], storage: [], hosts: [] }
  const fields = service as unknown as Record<string, unknown>
  // A built-in loads its own script; `mode` and `region` are options of the vendors that have them.
  const keys = SERVICE_KEYS.filter(key =>
    key === 'src' ? !builtIn : /^(mode|region)$/.test(key) ? builtIn?.options?.[key] : true
  )
  for (const [field, given] of Object.entries(value)) {
    const choices = builtIn?.options?.[field]
    if (!keys.includes(field)) {
      report('unknown', `${where}.${field}`, given, keys)
    } else if (choices) {
      if (choices.includes(given as string)) fields[field] = given
      else report('option', `${where}.${field}`, given, choices)
    } else if (LISTS.includes(field) ? Array.isArray(given) && given.every(isString) : isString(given)) {
      if (field !== 'src' || isSafeUrl(given)) fields[field] = given
      else report('src', `${where}.src`, given)
    } else report(LISTS.includes(field) ? field : 'string', `${where}.${field}`, given)
  }
  service.category ||= builtIn?.category ?? ''
  if (!categories.some(known => known.name === service.category) || service.category === 'necessary') {
    const optional = categories.slice(1).map(known => known.name)
    report('serviceCategory', `${where}.category`, value.category, optional)
    return undefined
  }
  if (builtIn?.id && !builtIn.id.test(service.id ?? '')) {
    report('id', `${where}.id`, value.id, [builtIn.example as string])
    return undefined
  }
  // The vendor's own lists first, then what the owner added.
  service.cookies = [...(builtIn?.cookies ?? []), ...service.cookies]
  service.storage = [...(builtIn?.storage ?? []), ...service.storage]
  service.hosts = [...(builtIn?.hosts ?? []), ...service.hosts]
  return service
}

/**
 * The names a visitor decides on, in a fixed order: the optional categories, then every service.
 * The cookie codec stores one bit per name in this order.
 */
export const consentNames = (config: ResolvedConfig): string[] => [
  ...config.categories.slice(1).map(category => category.name),
  ...config.categories.flatMap(category => category.services)
]

/** Every name markup, the API and the config may use: `necessary` and the names a visitor decides on. */
export const knownNames = (config: ResolvedConfig): string[] => ['necessary', ...consentNames(config)]
