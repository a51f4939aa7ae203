import { isObject } from '../core/config.js'
import type { Report, ResolvedConfig, Texts } from '../core/types.js'
import { en, type TextLayer } from '../i18n/en.js'

/**
 * The languages Keksi ships besides English: every official EU language and Norwegian (Bokmål), each a file
 * (`i18n/<lang>.json`) fetched only for a visitor who reads it.
 */
export const LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv'
]

/**
 * The visitor's language (README "Languages"): the configured one, or with `auto` `<html lang>`, then the
 * browser's; each matched exactly, then by its primary subtag, against the languages Keksi has texts for (its own
 * and the config's). Norwegian (`no`) and Nynorsk (`nn`) read Bokmål. English otherwise.
 */
export function pickLanguage(config: ResolvedConfig, doc: Document, browser: readonly string[]): string {
  const available = ['en', ...LANGUAGES, ...Object.keys(config.texts).map(lang => lang.toLowerCase())]
  for (const tag of config.lang === 'auto' ? [doc.documentElement.lang, ...browser] : [config.lang]) {
    const lower = `${tag}`.toLowerCase().replace(/^n[no]\b/, 'nb')
    const found = [lower, lower.split('-')[0] as string].find(lang => available.includes(lang))
    if (found) return found
  }
  return 'en'
}

/**
 * The visitor's language and Keksi's translation of it, fetched from `i18n/` beside the script (nothing to fetch for
 * English or a language only the owner's texts have). Offline or blocked, it is English, and says so.
 */
export const translation = (lang: string): Promise<{ lang: string; words: Partial<Texts> }> =>
  LANGUAGES.includes(lang)
    ? fetch(new URL(`./i18n/${lang}.json`, import.meta.url))
        .then(response => response.json())
        .then(
          words => ({ lang, words }),
          () => ({ lang: 'en', words: {} })
        )
    : Promise.resolve({ lang, words: {} })

/** The direction a language is written in: right to left for Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto, Sorani, Dhivehi, Sindhi, Uyghur. */
export const direction = (lang: string): 'rtl' | 'ltr' =>
  /^(ar|he|fa|ur|yi|ps|ckb|dv|sd|ug)(-|$)/.test(lang) ? 'rtl' : 'ltr'

/** A check of one owner text: what to keep (`undefined`: nothing, it was reported). */
type Check = (given: unknown, where: string) => unknown

const CATEGORY = ['title', 'description']
const SERVICE = ['name', 'provider', 'purpose']
/**
 * The texts that are plain strings, all but `categories` and `services`: what an owner may set in `texts.<lang>`.
 * Named here, as the UI has only the first view's English (`en.ts`); a test holds it to the English of both layers.
 */
export const PLAIN = [
  'title',
  'description',
  'acceptAll',
  'rejectAll',
  'settings',
  'policy',
  'preferencesTitle',
  'preferencesDescription',
  'save',
  'close',
  'alwaysOn',
  'provider',
  'purpose',
  'cookies',
  'session',
  'gpc',
  'embedNote',
  'loadVideo',
  'load',
  'alwaysAllow'
]

/**
 * The texts for one language: the built-in English (`english`, the first view's words unless the preferences' are
 * given too), then Keksi's own translation (`base`), then the config's `categories` and `services` words, then
 * `texts[lang]`. Every owner text is checked here, when the UI needs it,
 * and shown as text, never as HTML.
 */
export function textsFor(
  config: ResolvedConfig,
  lang: string,
  report: Report,
  base: Partial<Texts> = {},
  english: TextLayer[] = [en]
): Texts {
  /** The fields of `given` that `allowed` names, each checked by `check` (a string by default); the rest reported. */
  const pick = (
    given: unknown,
    where: string,
    allowed: string[],
    check: Check = (text, at) => (typeof text === 'string' ? text : report('string', at, text))
  ): Record<string, never> => {
    const own: Record<string, unknown> = {}
    if (isObject(given)) {
      for (const [key, value] of Object.entries(given)) {
        const at = `${where}.${key}`
        const kept = allowed.includes(key) ? check(value, at) : report('unknown', at, value, allowed)
        if (kept !== undefined) own[key] = kept
      }
    } else if (given !== undefined) report('object', where, given)
    return own as Record<string, never>
  }
  /** Each name's words, field by field: the last layer that has one wins. */
  const merge = (names: string[], fields: string[], ...layers: (Record<string, object> | undefined)[]) =>
    Object.fromEntries(
      names.map(name => [
        name,
        Object.fromEntries(
          fields.map(field => [
            field,
            layers.reduce<unknown>(
              (text, layer) => (layer?.[name] as Record<string, unknown> | undefined)?.[field] ?? text,
              undefined
            )
          ])
        )
      ])
    )

  const names = config.categories.map(category => category.name)
  const keys = Object.keys(config.services)
  // The config's own words first: they are reported before those of `texts`.
  const configured = Object.fromEntries(
    names.map(name => [name, pick(config.categoryTexts[name], `categories.${name}`, CATEGORY)])
  )
  const key = Object.keys(config.texts).find(code => code.toLowerCase() === lang)
  const where = `texts.${key}`
  const given = key ? config.texts[key] : undefined
  const { categories, services: serviceTexts, ...plain } = isObject(given) ? given : {}
  if (given !== undefined && !isObject(given)) report('object', where, given)
  const words = (given: unknown, at: string, allowed: string[], fields: string[]) =>
    pick(given, at, allowed, (value, at) => pick(value, at, fields))
  return {
    ...(Object.assign({}, ...english) as Texts),
    ...base,
    ...pick(plain, where, PLAIN),
    categories: merge(
      names,
      CATEGORY,
      ...english.map(layer => layer.categories),
      base.categories,
      configured,
      words(categories, `${where}.categories`, names, CATEGORY)
    ),
    // The config's services hold their own name, provider and purpose, when the owner gave them.
    services: merge(
      keys,
      SERVICE,
      ...english.map(layer => layer.services),
      base.services,
      config.services,
      words(serviceTexts, `${where}.services`, keys, SERVICE)
    )
  }
}
