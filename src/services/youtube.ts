import type { Vendor } from '../core/types.js'

/**
 * YouTube videos, embedded from the privacy-enhanced domain (youtube-nocookie.com), which sets no cookie on the
 * site. Known without config (README "Services"): `data-consent="youtube"` works on any page. Its embeds are the
 * gate's (`gate/gate-markup.ts`); auto-blocking holds frames and scripts from its hosts.
 */
export const youtube: Vendor = {
  category: 'embeds',
  cookies: [],
  hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com']
}

/**
 * The URL an embed loads: a YouTube player (`www.youtube.com/embed/…`, as YouTube's embed code writes it) from the
 * privacy-enhanced domain, which sets no cookie until the visitor plays the video (README "Markup"); any other URL
 * as it is.
 *
 * @example
 * privacyEnhanced('https://www.youtube.com/embed/VIDEO_ID') // 'https://www.youtube-nocookie.com/embed/VIDEO_ID'
 */
export const privacyEnhanced = (url: string): string =>
  url.replace('www.youtube.com/embed/', 'www.youtube-nocookie.com/embed/')
