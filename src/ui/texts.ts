import { isObject } from '../core/config.js'
import type { Report, ResolvedConfig, Texts } from '../core/types.js'
import { en } from '../i18n/en.js'

/**
 * The languages Keksi ships besides English: every official EU language and Norwegian (Bokmål), each a file
 * (`i18n/<lang>.json`) fetched only for a visitor who reads it.
 */
export const LANGUAGES = 'bg cs da de el es et fi fr ga hr hu it lt lv mt nb nl pl pt ro sk sl sv'.split(' ')

/**
 * The visitor's language (SPEC §4): the configured one, or with `auto` `<html lang>`, then the browser's; each
 * matched exactly, then by its primary subtag, against the languages Keksi has texts for (its own and the config's).
 * Norwegian (`no`) and Nynorsk (`nn`) read Bokmål. English otherwise.
 */
export function pickLanguage(config: ResolvedConfig, doc: Document, browser: readonly string[]): string {
  const available = ['en', ...LANGUAGES, ...Object.keys(config.texts).map(lang => lang.toLowerCase())]
  const wanted = config.lang === 'auto' ? [doc.documentElement.lang, ...browser] : [config.lang]
  for (const tag of wanted) {
    const lower = tag?.toLowerCase().replace(/^n[no]\b/, 'nb') ?? ''
    const found =
      available.find(lang => lang === lower) ?? available.find(lang => lang === lower.split('-')[0])
    if (found) return found
  }
  return 'en'
}

/** Copies the string fields of `given` that `allowed` names; reports anything else under `where`. */
const strings = (
  given: unknown,
  allowed: string[],
  where: string,
  report: Report
): Record<string, string> => {
  const own: Record<string, string> = {}
  if (given === undefined) return own
  if (!isObject(given)) {
    report('object', where, given)
    return own
  }
  for (const [key, text] of Object.entries(given)) {
    if (!allowed.includes(key)) report('unknown', `${where}.${key}`, text, allowed)
    else if (typeof text === 'string') own[key] = text
    else report('string', `${where}.${key}`, text)
  }
  return own
}

/** The texts of `texts.<lang>.categories` or `.services`, by name; other names and other shapes are reported. */
const group = (given: unknown, names: string[], where: string, report: Report): Record<string, unknown> => {
  if (given === undefined) return {}
  if (!isObject(given)) {
    report('object', where, given)
    return {}
  }
  for (const name of Object.keys(given)) {
    if (!names.includes(name)) report('unknown', `${where}.${name}`, given[name], names)
  }
  return given
}

const CATEGORY = ['title', 'description']
const SERVICE = ['name', 'provider', 'purpose']

/**
 * The texts for one language: the built-in English, then Keksi's own translation (`base`), then the config's
 * `categories` and `services` words, then `texts[lang]`. Every owner text is checked here, when the UI needs it,
 * and shown as text, never as HTML.
 */
export function textsFor(
  config: ResolvedConfig,
  lang: string,
  report: Report,
  base: Partial<Texts> = {}
): Texts {
  const key = Object.keys(config.texts).find(code => code.toLowerCase() === lang)
  const where = `texts.${key}`
  const given = key ? config.texts[key] : undefined
  const own = isObject(given) ? given : {}
  if (given !== undefined && !isObject(given)) report('object', where, given)
  const plain = Object.keys(en).filter(name => name !== 'categories' && name !== 'services')
  const flat = Object.fromEntries(
    Object.entries(own).filter(([name]) => name !== 'categories' && name !== 'services')
  )
  const texts = { ...en, ...base, ...strings(flat, plain, where, report) }
  const ownCategories = group(
    own.categories,
    config.categories.map(category => category.name),
    `${where}.categories`,
    report
  )
  const ownServices = group(own.services, Object.keys(config.services), `${where}.services`, report)
  texts.categories = {}
  for (const { name } of config.categories) {
    texts.categories[name] = {
      ...en.categories[name],
      ...base.categories?.[name],
      ...strings(config.categoryTexts[name], CATEGORY, `categories.${name}`, report),
      ...strings(ownCategories[name], CATEGORY, `${where}.categories.${name}`, report)
    }
  }
  texts.services = {}
  for (const service of Object.values(config.services)) {
    const configured = Object.fromEntries(
      SERVICE.map(field => [field, service[field as 'name']]).filter(([, text]) => text)
    )
    texts.services[service.key] = {
      ...en.services[service.key],
      ...base.services?.[service.key],
      ...configured,
      ...strings(ownServices[service.key], SERVICE, `${where}.services.${service.key}`, report)
    }
  }
  return texts
}
