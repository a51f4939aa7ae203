import type { ServiceDefinition } from '../core/types.js'

/** YouTube videos, embedded from the privacy-enhanced domain (youtube-nocookie.com). */
export const youtube: ServiceDefinition = {
  category: 'embeds',
  name: 'YouTube',
  provider: 'Google Ireland Ltd.',
  purpose: 'Plays embedded videos.',
  cookies: []
}
