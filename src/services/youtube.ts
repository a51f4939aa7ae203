import type { ServiceDefinition } from '../core/types.js'

/** YouTube videos, embedded from the privacy-enhanced domain (youtube-nocookie.com). */
export const youtube: ServiceDefinition = {
  category: 'embeds'
}

/** The cookies youtube sets: listed for visitors, cleared on withdrawal. */
export const youtubeCookies: string[] = []

/**
 * The URL an embed loads: a YouTube player (`www.youtube.com/embed/…`, as YouTube's embed code writes it) from the
 * privacy-enhanced domain, which sets no cookie until the visitor plays the video (SPEC §5); any other URL as it is.
 *
 * @example
 * privacyEnhanced('https://www.youtube.com/embed/VIDEO_ID') // 'https://www.youtube-nocookie.com/embed/VIDEO_ID'
 */
export const privacyEnhanced = (url: string): string =>
  url.replace('www.youtube.com/embed/', 'www.youtube-nocookie.com/embed/')
