import type {
  Category,
  CategoryConfig,
  KeksiConfig,
  Report,
  ResolvedConfig,
  Service,
  ServiceDefinition,
  Texts
} from './types.js'

/** The categories every site has (SPEC §3), in the order the preferences list them. */
export const BUILT_IN_CATEGORIES = ['necessary', 'analytics', 'embeds']

const THEMES = ['light', 'dark', 'auto']
const OPTIONS: Record<keyof KeksiConfig, string> = {
  policyUrl: 'url',
  revision: 'int',
  lang: 'string',
  theme: 'theme',
  css: 'string',
  cookieName: 'name',
  cookieDomain: 'string',
  expiresDays: 'days',
  categories: 'object',
  services: 'object',
  texts: 'object',
  reloadOnRevoke: 'boolean'
}
const SERVICE_KEYS = ['id', 'category', 'name', 'provider', 'purpose', 'cookies']
const NAME = /^[a-z][a-z0-9_-]{0,31}$/
/** The cookie codec holds grants as bits of one number; 50 stays well inside its 53 safe bits. */
const MAX_NAMES = 50

/** JSON-ish text of what the owner wrote, short enough for one console line. */
export const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * Whether `url` is safe to put in an `href` or `src`: http(s) or relative, never `javascript:`, `data:` and the like
 * (SPEC §9). Browsers drop tabs and newlines anywhere in a URL and control characters before it; so does this.
 */
export const isSafeUrl = (url: string): boolean => {
  let clean = url.replace(/[\t\n\r]/g, '')
  while (clean && clean.charCodeAt(0) <= 32) clean = clean.slice(1)
  return /^https?:/i.test(clean) || !/^[a-z][\w+.-]*:/i.test(clean)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The known key nearest to a mistyped one, for "did you mean" (edit distance ≤ 2). */
export const nearest = (word: string, known: string[]): string | undefined => {
  let best: string | undefined
  let bestCost = 3
  for (const candidate of known) {
    let row = Array.from({ length: candidate.length + 1 }, (_, i) => i)
    for (let i = 1; i <= word.length; i++) {
      const next = [i]
      for (let j = 1; j <= candidate.length; j++) {
        const cost = word[i - 1]?.toLowerCase() === candidate[j - 1]?.toLowerCase() ? 0 : 1
        next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost)
      }
      row = next
    }
    const cost = row[candidate.length] ?? 3
    if (cost < bestCost) {
      best = candidate
      bestCost = cost
    }
  }
  return best
}

const unknownKey = (report: Report, where: string, key: string, known: string[]): void => {
  const guess = nearest(key, known)
  report(
    `${where}${key}: unknown option${guess ? `; did you mean "${guess}"?` : `; expected one of ${known.join(', ')}.`}`
  )
}

/**
 * Validates a config and fills in the defaults. Every mistake is reported once, naming the key, what was
 * found and what was expected; the key then takes its safe default (SPEC §9). Never throws.
 *
 * @example
 * const config = resolveConfig({ services: { ga4: { id: 'G-ABC123XYZ' } } }, builtIns, console.warn)
 */
export function resolveConfig(
  input: unknown,
  builtIns: Record<string, ServiceDefinition>,
  report: Report
): ResolvedConfig {
  const resolved: ResolvedConfig = {
    revision: 1,
    lang: 'auto',
    theme: 'light',
    cookieName: 'keksi',
    expiresDays: 182,
    reloadOnRevoke: true,
    categories: BUILT_IN_CATEGORIES.map(name => ({ name, services: [] })),
    services: {},
    categoryTexts: {},
    texts: {}
  }
  if (!isObject(input)) {
    report(`config: found ${shown(input)}, expected an object of options.`)
    input = {}
  }
  const options = input as Record<string, unknown>
  const bad = (key: string, value: unknown, expected: string): void =>
    report(`${key}: found ${shown(value)}, expected ${expected}.`)
  const target = resolved as unknown as Record<string, unknown>

  for (const [key, value] of Object.entries(options)) {
    const kind = OPTIONS[key as keyof KeksiConfig]
    if (!kind) unknownKey(report, '', key, Object.keys(OPTIONS))
    else if (value === undefined) continue
    else if (kind === 'url') {
      if (typeof value === 'string' && isSafeUrl(value)) target[key] = value
      else bad(key, value, 'an http(s) or relative URL such as "/privacy"')
    } else if (kind === 'int') {
      if (Number.isInteger(value) && (value as number) >= 0) target[key] = value
      else bad(key, value, 'a whole number of 0 or more')
    } else if (kind === 'days') {
      // 395 days: the longest a consent is commonly held valid (13 months); browsers cap cookies at 400.
      if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 395) target[key] = value
      else bad(key, value, 'a whole number of days from 1 to 395')
    } else if (kind === 'theme') {
      if (THEMES.includes(value as string)) target[key] = value
      else bad(key, value, `one of ${THEMES.join(', ')}`)
    } else if (kind === 'name') {
      if (typeof value === 'string' && /^[\w-]{1,32}$/.test(value)) target[key] = value
      else bad(key, value, 'a cookie name of letters, digits, "_" or "-"')
    } else if (kind === 'boolean') {
      if (typeof value === 'boolean') target[key] = value
      else bad(key, value, 'true or false')
    } else if (kind === 'string') {
      if (typeof value === 'string' && value) target[key] = value
      else bad(key, value, 'a non-empty string')
    } else if (!isObject(value)) bad(key, value, 'an object')
  }
  if (resolved.css && !isSafeUrl(resolved.css)) {
    bad('css', resolved.css, 'an http(s) or relative URL, or "none"')
    delete resolved.css
  }
  if (!resolved.policyUrl) {
    report('policyUrl: missing, expected the URL of your privacy policy (data-policy-url="/privacy").')
  }

  const categories = isObject(options.categories) ? options.categories : {}
  for (const [name, value] of Object.entries(categories)) {
    if (!NAME.test(name)) {
      report(`categories.${name}: expected a name of lowercase letters, digits, "_" or "-".`)
      continue
    }
    if (value !== undefined && !isObject(value)) {
      bad(`categories.${name}`, value, 'an object with "title" and "description"')
      continue
    }
    const texts: CategoryConfig = {}
    for (const [field, text] of Object.entries(value ?? {})) {
      if (field !== 'title' && field !== 'description')
        unknownKey(report, `categories.${name}.`, field, ['title', 'description'])
      else if (typeof text === 'string') texts[field] = text
      else bad(`categories.${name}.${field}`, text, 'a string')
    }
    resolved.categoryTexts[name] = texts
    if (!resolved.categories.some(category => category.name === name)) {
      resolved.categories.push({ name, services: [] })
    }
  }

  const services = isObject(options.services) ? options.services : {}
  for (const [key, value] of Object.entries(services)) {
    const service = resolveService(key, value, builtIns[key], resolved.categories, report)
    if (!service) continue
    resolved.services[key] = service
    resolved.categories.find(category => category.name === service.category)?.services.push(key)
  }

  const names = consentNames(resolved)
  if (names.length > MAX_NAMES) {
    report(
      `services: found ${names.length} categories and services, expected at most ${MAX_NAMES}; the rest are left out.`
    )
    for (const name of names.slice(MAX_NAMES)) {
      const category = resolved.categories.find(category => category.services.includes(name))
      if (category) {
        category.services = category.services.filter(service => service !== name)
        delete resolved.services[name]
      }
    }
  }

  resolved.texts = resolveTexts(options.texts, report)
  return resolved
}

function resolveService(
  key: string,
  value: unknown,
  builtIn: ServiceDefinition | undefined,
  categories: Category[],
  report: Report
): Service | undefined {
  const where = `services.${key}`
  if (!NAME.test(key) || categories.some(category => category.name === key)) {
    report(
      `${where}: expected a service id of lowercase letters, digits, "_" or "-" that is not a category name.`
    )
    return undefined
  }
  if (value === true) value = {}
  if (!isObject(value)) {
    report(`${where}: found ${shown(value)}, expected an object such as { "id": "..." }.`)
    return undefined
  }
  for (const field of Object.keys(value)) {
    if (!SERVICE_KEYS.includes(field)) unknownKey(report, `${where}.`, field, SERVICE_KEYS)
  }
  const category = typeof value.category === 'string' ? value.category : builtIn?.category
  if (!category || !categories.some(known => known.name === category) || category === 'necessary') {
    report(
      `${where}.category: found ${shown(value.category)}, expected one of ${categories
        .slice(1)
        .map(known => known.name)
        .join(', ')}; the service stays blocked.`
    )
    return undefined
  }
  const service: Service = {
    key,
    category,
    name: typeof value.name === 'string' ? value.name : (builtIn?.name ?? key),
    provider: typeof value.provider === 'string' ? value.provider : (builtIn?.provider ?? ''),
    purpose: typeof value.purpose === 'string' ? value.purpose : (builtIn?.purpose ?? ''),
    cookies:
      Array.isArray(value.cookies) && value.cookies.every(cookie => typeof cookie === 'string')
        ? value.cookies
        : (builtIn?.cookies ?? [])
  }
  if (value.cookies !== undefined && service.cookies !== value.cookies) {
    report(`${where}.cookies: found ${shown(value.cookies)}, expected a list of cookie names.`)
  }
  if (builtIn?.id) {
    if (typeof value.id === 'string' && builtIn.id.pattern.test(value.id)) service.siteId = value.id
    else {
      report(
        `${where}.id: found ${shown(value.id)}, expected an id like "${builtIn.id.example}"; ${key} stays off.`
      )
      return undefined
    }
  } else if (typeof value.id === 'string') service.siteId = value.id
  return service
}

function resolveTexts(input: unknown, report: Report): Record<string, Partial<Texts>> {
  const texts: Record<string, Partial<Texts>> = {}
  if (input === undefined) return texts
  if (!isObject(input)) {
    report(`texts: found ${shown(input)}, expected texts per language, like { "en": { "title": "..." } }.`)
    return texts
  }
  for (const [lang, values] of Object.entries(input)) {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) || !isObject(values)) {
      report(`texts.${lang}: expected a language code holding an object of texts.`)
      continue
    }
    const own: Record<string, unknown> = {}
    for (const [key, text] of Object.entries(values)) {
      if (key === 'categories' ? isObject(text) : typeof text === 'string') own[key] = text
      else report(`texts.${lang}.${key}: found ${shown(text)}, expected a string.`)
    }
    texts[lang.toLowerCase()] = own as Partial<Texts>
  }
  return texts
}

/**
 * The names a visitor decides on, in a fixed order: the optional categories, then every service.
 * The cookie codec stores one bit per name in this order.
 */
export const consentNames = (config: ResolvedConfig): string[] => [
  ...config.categories.slice(1).map(category => category.name),
  ...config.categories.flatMap(category => category.services)
]
