import type { ServiceDefinition } from '../core/types.js'
import { ga4 } from './ga4.js'
import { hotjar } from './hotjar.js'
import { hubspot } from './hubspot.js'
import { youtube } from './youtube.js'

/** Every vendor Keksi knows by id alone (SPEC §3). */
export const builtIns: Record<string, ServiceDefinition> = { ga4, hubspot, hotjar, youtube }
