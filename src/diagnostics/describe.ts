/**
 * The words of every owner-mistake message (README "Mistakes"). Keksi reports a mistake as a code, where it was
 * and what was found; this module, fetched only when there is something to say, turns that into one clear
 * sentence. That keeps the sentences out of `keksi.js`, which every page view downloads.
 */

/** What each code expected. */
const EXPECTED: Record<string, string> = {
  config: 'an object of options',
  policyUrl: 'an http(s) or relative URL such as "/privacy"',
  revision: 'a whole number of 0 or more',
  lang: 'a language code such as "fi", or "auto"',
  theme: '"light", "dark" or "auto"',
  css: 'an http(s) or relative stylesheet URL, or "none"',
  layout: '"bar", "box" or "wall"',
  position: '"left" or "right"',
  floatingButton: 'true or false',
  cookieName: 'a cookie name of letters, digits, "_" or "-"',
  cookieDomain: 'a domain such as "example.com"',
  expiresDays: 'a whole number of days from 1 to 395',
  categories: 'an object of categories, like { "marketing": { "title": "Marketing" } }',
  services: 'an object of services, like { "ga4": { "id": "G-ABC123XYZ" } }',
  texts: 'texts per language, like { "en": { "title": "Cookies on Acme" } }',
  reloadOnRevoke: 'true or false',
  gpc: 'true or false',
  consentMode:
    'false, or an object of category and service names, each with a list of Consent Mode signals, like { "analytics": ["analytics_storage"] }',
  record: 'the http(s) or relative URL of your consent-record receiver, such as "/consent-records"',
  debug: 'true or false',
  category: 'a lowercase category name (a-z, 0-9, "_", "-") holding { "title": "...", "description": "..." }',
  service:
    'a lowercase service id that is not a category name, holding an object such as { "id": "..." }; it stays blocked',
  string: 'a string',
  cookies: 'a list of cookie names or "prefix*" patterns',
  storage: 'a list of storage keys or "prefix*" patterns',
  hosts: 'a list of host names such as "stats.example.com"',
  src: 'an http(s) or relative script URL; the service loads nothing',
  object: 'an object of texts',
  choice: 'true or false',
  choices: 'an object of category and service names, like { "analytics": true }',
  function: 'a function'
}

/** JSON-ish text of what the owner wrote, short enough for one console line. */
export const shown = (value: unknown): string => {
  let text: string
  try {
    text = String(JSON.stringify(value) ?? value)
  } catch {
    // Circular objects and BigInts cannot be JSON.
    text = String(value)
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** The known word nearest to a mistyped one, for "did you mean" (edit distance ≤ 2). */
export function nearest(word: string, known: string[]): string | undefined {
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

/**
 * One sentence for one mistake: where, what was found, what was expected, and what Keksi does instead.
 *
 * @example
 * describe('unknown', 'polcyUrl', undefined, ['policyUrl']) // 'polcyUrl: unknown option; did you mean "policyUrl"?'
 */
export function describe(code: string, at: string, found?: unknown, known: string[] = []): string {
  const list = known.join(', ')
  switch (code) {
    case 'unknown': {
      const guess = nearest(at.slice(at.lastIndexOf('.') + 1), known)
      return `${at}: unknown option; ${guess ? `did you mean "${guess.replace(/.*\./, '')}"?` : `expected one of ${list}.`}`
    }
    case 'attribute': {
      // `at` is the attribute as `dataset` names it (`policyUrl`); the page has it in kebab-case, as do the others.
      const kebab = (name: string) => `data-${name.replace(/[A-Z]/g, upper => `-${upper.toLowerCase()}`)}`
      const guess = nearest(at, known)
      return `${kebab(at)}: unknown attribute on the Keksi tag; ${guess ? `did you mean ${kebab(guess)}?` : `expected one of ${known.map(kebab).join(', ')}.`}`
    }
    case 'missing':
      return 'policyUrl: missing; expected the URL of your privacy policy, e.g. data-policy-url="/privacy". The banner has no policy link.'
    case 'limit':
      return `${at}: one service too many; expected at most 50 categories and services in all. It stays blocked.`
    case 'serviceCategory':
      return `${at}: found ${shown(found)}, expected one of ${list}; the service stays blocked.`
    case 'id':
      // `known` holds the vendor's example id.
      return `${at}: found ${shown(found)}, expected an id like "${list}"; the service stays blocked.`
    case 'option':
      return `${at}: found ${shown(found)}, expected one of ${list}; the default applies.`
    case 'name':
      return `${at}: unknown category or service ${shown(found)}, expected one of ${list}; nothing changes for it.`
    case 'consent':
      return `${at}: unknown category or service ${shown(found)}, expected one of ${list}; it stays blocked.`
    case 'json':
      // `at` is the block's id.
      return `<script id="${at}">: invalid JSON (${String(found)}); expected a JSON object of options. The defaults apply.`
    case 'twice':
      return `${at}: included twice; expected one Keksi tag per page. The first one stays in charge.`
    case 'global':
      return `${at}: found ${shown(found)} set by another script, expected nothing or the queue array; Keksi replaces it.`
    case 'load':
      return `${at}: could not be loaded; expected it beside keksi.js. Nothing loads without consent.`
    default:
      return `${at}: found ${shown(found)}, expected ${EXPECTED[code] ?? code}${known.length ? ` for one of ${list}` : ''}.`
  }
}
