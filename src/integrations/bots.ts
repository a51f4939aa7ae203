/**
 * Crawlers and link previews, by their user agent (never by `navigator.webdriver`, which testing tools and some
 * assistive setups set for real people): they get no banner, no tags and no record (README "Bots").
 * Headless browsers and Lighthouse are not in it: they load pages as visitors do, and are asked as visitors are.
 */
// Most crawlers name themselves `…bot/`, `…bot;`, `…Bot-…`, or crawl, spider, preview: the rest are listed.
const BOTS =
  /bot[/;)-]|\bbot\b|crawl|spider|slurp|preview|archiver|facebookexternalhit|embedly|whatsapp|vkshare|validator|inspectiontool|mediapartners|feedfetcher|outbrain|pinterest/i

/** Whether a user agent is a crawler's. */
export const isBot = (userAgent: string): boolean => BOTS.test(userAgent)
