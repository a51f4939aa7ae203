import type { ServiceDefinition } from '../core/types.js'

/** YouTube videos, embedded from the privacy-enhanced domain (youtube-nocookie.com). */
export const youtube: ServiceDefinition = {
  category: 'embeds'
}

/** The cookies youtube sets: listed for visitors, cleared on withdrawal. */
export const youtubeCookies: string[] = []
