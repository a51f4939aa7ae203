import { readdirSync, readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { describe, expect, test } from 'vitest'
import { allFour, OPTION_KEYS } from '../../test/fixtures.js'
import { resolveConfig } from '../core/config.js'
import { builtIns } from '../services/built-ins.js'
import { textsFor } from '../ui/texts.js'
import schema from './keksi-config.schema.json' with { type: 'json' }

const validate = new Ajv({ strict: true, allErrors: true }).compile(schema)

/** What Keksi itself says of a config at run time: the config when it starts, the texts when the UI shows them. */
const problems = (config: unknown): unknown[][] => {
  const found: unknown[][] = []
  const report = (...problem: unknown[]) => {
    found.push(problem)
  }
  const resolved = resolveConfig(config, builtIns, report)
  for (const lang of Object.keys(resolved.texts)) textsFor(resolved, lang, report)
  return found
}

/** The `keksi-config` blocks of every example page. */
const exampleConfigs = readdirSync('examples', { recursive: true, encoding: 'utf8' })
  .filter(path => path.endsWith('.html') && !path.startsWith('vendor') && !path.includes('dist'))
  .flatMap(path =>
    [
      ...readFileSync(`examples/${path}`, 'utf8').matchAll(
        /<script type="application\/json" id="keksi-config">([\s\S]*?)<\/script>/g
      )
    ].map(match => [path, JSON.parse(match[1] as string)] as const)
  )

test('the schema is valid JSON Schema (draft-07, strict) and names every option Keksi knows', () => {
  expect(Object.keys(schema.properties).sort()).toEqual(['$schema', ...OPTION_KEYS].sort())
})

test('every example config is valid by the schema, and Keksi finds nothing wrong with it either', () => {
  expect(exampleConfigs.length).toBeGreaterThan(0)
  for (const [path, config] of exampleConfigs) {
    expect(validate(config), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true)
    expect(problems(config), path).toEqual([])
  }
})

describe('the schema and Keksi agree', () => {
  const valid = [
    { policyUrl: '/privacy' },
    { $schema: 'https://unpkg.com/keksi/dist/keksi-config.schema.json', policyUrl: '/privacy' },
    { policyUrl: 'https://acme.example/privacy', revision: 3, lang: 'fi', theme: 'auto', expiresDays: 395 },
    { policyUrl: '/privacy', services: allFour() },
    {
      policyUrl: '/privacy',
      categories: { marketing: { title: 'Marketing' } },
      services: { pixel: { category: 'marketing', cookies: ['_px*'] } },
      texts: { fi: { title: 'Evästeet', services: { pixel: { purpose: 'Mainonnan mittaus' } } } }
    }
  ]
  test.each(valid)('valid for both: %j', config => {
    expect(validate(config)).toBe(true)
    expect(problems(config)).toEqual([])
  })

  const invalid = [
    { polcyUrl: '/privacy' },
    { policyUrl: 'javascript:alert(1)' },
    { policyUrl: '/privacy', revision: -1 },
    { policyUrl: '/privacy', revision: 1.5 },
    { policyUrl: '/privacy', theme: 'pink' },
    { policyUrl: '/privacy', cookieName: 'a b' },
    { policyUrl: '/privacy', expiresDays: 400 },
    { policyUrl: '/privacy', reloadOnRevoke: 'no' },
    { policyUrl: '/privacy', services: { ga4: { id: 'UA-12345678-1' } } },
    { policyUrl: '/privacy', services: { hotjar: {} } },
    { policyUrl: '/privacy', services: { matomo: { name: 'Matomo' } } },
    { policyUrl: '/privacy', services: { matomo: { category: 'necessary' } } },
    { policyUrl: '/privacy', services: { ga4: { id: 'G-ABC123XYZ', src: 'https://x.example/a.js' } } },
    { policyUrl: '/privacy', services: { analytics: { category: 'embeds' } } },
    { policyUrl: '/privacy', categories: { Marketing: {} } },
    { policyUrl: '/privacy', texts: { en: { titel: 'Cookies' } } }
  ]
  test.each(invalid)('invalid for both: %j', config => {
    expect(validate(config)).toBe(false)
    expect(problems(config)).not.toEqual([])
  })
})
