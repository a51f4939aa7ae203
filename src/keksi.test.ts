// @vitest-environment happy-dom
import { computed } from 'nanostores'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { allFour } from '../test/fixtures.js'
import { encode } from './core/codec.js'
import { resolveConfig } from './core/config.js'
import type { Consent, ResolvedConfig } from './core/types.js'
import { globalPrivacyControl } from './integrations/gpc.js'
import { createKeksi, type Keksi, type KeksiOptions, type UiContext, type View } from './keksi.js'
import { builtIns } from './services/built-ins.js'
import { memoryStorage } from './storage/memory-storage.js'

const DAY = 86_400_000
const NOW = Date.UTC(2025, 0, 15, 12)
const OPTIONAL = ['analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']
const NAMES = ['necessary', ...OPTIONAL]

const config: ResolvedConfig = resolveConfig(
  {
    policyUrl: '/privacy',
    services: allFour()
  },
  builtIns,
  (...problem) => {
    throw new Error(`fixture reported ${JSON.stringify(problem)}`)
  }
)

/** A decision stored by an earlier page view. */
const stored = (grant: (name: string) => boolean, method: Consent['method'] = 'custom'): string =>
  encode(config, NOW - DAY, method, grant, 'q8Xn0pWc2LrT5vYb')

/** A UI bundle that records how often it was fetched and every view it was asked to show. */
const fakeUi = () => {
  const ui = {
    loads: 0,
    fail: false,
    views: [] as (View | undefined)[],
    context: undefined as UiContext | undefined,
    loadUi: async () => {
      ui.loads++
      if (ui.fail) throw new Error('offline')
      return (context: UiContext) => {
        ui.context = context
        return (view?: View) => {
          ui.views.push(view)
        }
      }
    }
  }
  return ui
}

/** Lets the UI's promises settle. */
const settle = () => new Promise(resolve => setTimeout(resolve, 0))

type Problem = [code: string, at: string, found: unknown, known: string[] | undefined]

interface Page {
  keksi: Keksi
  ui: ReturnType<typeof fakeUi>
  problems: Problem[]
  storage: ReturnType<typeof memoryStorage>
  doc: Document
  /** `keksi:*` events seen on `document`, in order. */
  events: [string, unknown][]
}

/** One page view: a fresh document, the storage as an earlier view left it, and Keksi started on it. */
const open = (value?: string, options: Partial<KeksiOptions> = {}): Page => {
  const doc = document.implementation.createHTMLDocument('')
  const events: [string, unknown][] = []
  for (const name of ['ready', 'consent', 'change', 'open', 'close']) {
    doc.addEventListener(`keksi:${name}`, event => {
      events.push([name, (event as CustomEvent).detail])
    })
  }
  const ui = fakeUi()
  const problems: Problem[] = []
  const storage = memoryStorage(value)
  const keksi = createKeksi(config, {
    storage,
    loadUi: ui.loadUi,
    report: (code, at, found, known) => {
      problems.push([code, at, found, known])
    },
    doc,
    now: () => NOW,
    ...options
  })
  return { keksi, ui, problems, storage, doc, events }
}

const names = (events: [string, unknown][]) => events.map(([name]) => name)

let reported: unknown[] = []
const originalReportError = globalThis.reportError
beforeEach(() => {
  reported = []
  globalThis.reportError = error => {
    reported.push(error)
  }
})
afterEach(() => {
  globalThis.reportError = originalReportError
})

describe('ready', () => {
  test('fires once with null on a first visit, to listeners and on document', () => {
    const seen: unknown[] = []
    const { events } = open(undefined, {
      queue: [(api: Keksi) => api.on('ready', detail => seen.push(detail))]
    })
    expect(seen).toEqual([null])
    expect(events).toEqual([['ready', null]])
  })

  test('carries the stored decision on a return visit', () => {
    const { keksi, events } = open(stored(name => name === 'embeds' || name === 'youtube'))
    expect(events).toHaveLength(1)
    const [name, detail] = events[0] as [string, Consent]
    expect(name).toBe('ready')
    expect(detail).toBe(keksi.get())
    expect(detail.services.youtube).toBe(true)
  })

  test('a listener added after ready runs at once with the decision', () => {
    const { keksi } = open(stored(() => true, 'accept-all'))
    const seen: (Consent | null)[] = []
    keksi.on('ready', detail => seen.push(detail))
    expect(seen).toEqual([keksi.get()])
    expect(seen[0]?.method).toBe('accept-all')
  })

  test('a listener added late gets what ready carried, not a later decision', () => {
    const { keksi } = open()
    keksi.acceptAll()
    const seen: (Consent | null)[] = []
    keksi.on('ready', detail => seen.push(detail))
    expect(seen).toEqual([null])
  })

  test('a late ready listener that throws is reported, not thrown at the caller', () => {
    const { keksi } = open()
    const boom = new Error('page bug')
    expect(() =>
      keksi.on('ready', () => {
        throw boom
      })
    ).not.toThrow()
    expect(reported).toEqual([boom])
  })
})

describe('the queue from before Keksi loaded', () => {
  test('runs in order with the API, before ready', () => {
    const order: string[] = []
    let given: Keksi | undefined
    const { keksi } = open(undefined, {
      queue: [
        (api: Keksi) => {
          given = api
          order.push('first')
          api.on('ready', () => order.push('ready'))
        },
        () => order.push('second')
      ]
    })
    expect(order).toEqual(['first', 'second', 'ready'])
    expect(given).toBe(keksi)
  })

  test('an item that is not a function is reported and the rest still run', () => {
    const order: string[] = []
    const { problems } = open(undefined, { queue: ['analytics', () => order.push('ran')] })
    expect(problems).toEqual([['function', 'keksi.push()', 'analytics', undefined]])
    expect(order).toEqual(['ran'])
  })

  test('push() after loading runs the function at once', () => {
    const { keksi, problems } = open()
    let given: Keksi | undefined
    keksi.push(api => {
      given = api
    })
    expect(given).toBe(keksi)
    keksi.push(42 as never)
    expect(problems).toEqual([['function', 'keksi.push()', 42, undefined]])
  })
})

describe('get, accepted, acceptAll, rejectAll', () => {
  test('there is no decision until the visitor decides', () => {
    const { keksi, storage } = open()
    expect(keksi.get()).toBeNull()
    expect(keksi.accepted('necessary')).toBe(true)
    expect(keksi.accepted('analytics')).toBe(false)
    expect(storage.value).toBeUndefined()
  })

  test('accept all grants every category and service', () => {
    const { keksi, storage } = open()
    keksi.acceptAll()
    expect(keksi.get()?.method).toBe('accept-all')
    for (const name of OPTIONAL) expect(keksi.accepted(name)).toBe(true)
    expect(storage.value).toBeDefined()
  })

  test('reject all grants nothing optional, and remembers that', () => {
    const { keksi, storage } = open()
    keksi.rejectAll()
    expect(keksi.get()?.method).toBe('reject-all')
    for (const name of OPTIONAL) expect(keksi.accepted(name)).toBe(false)
    expect(open(storage.value).keksi.get()?.method).toBe('reject-all')
  })

  test('the decision carries the format README "The consent cookie" gives', () => {
    const { keksi } = open()
    keksi.acceptAll()
    expect(keksi.get()).toEqual({
      id: expect.stringMatching(/^[\w-]{16}$/),
      revision: 1,
      decidedAt: new Date(NOW).toISOString(),
      expiresAt: new Date(NOW + 182 * DAY).toISOString(),
      method: 'accept-all',
      categories: { necessary: true, analytics: true, embeds: true },
      services: { ga4: true, hubspot: true, hotjar: true, youtube: true }
    })
  })
})

describe('set()', () => {
  test('changes the named categories and services and keeps the rest', () => {
    const { keksi } = open(stored(name => name === 'embeds' || name === 'youtube'))
    keksi.set({ analytics: true, hotjar: false })
    expect(keksi.get()?.method).toBe('custom')
    expect(keksi.get()?.services).toEqual({ ga4: true, hubspot: true, hotjar: false, youtube: true })
  })

  test('reports unknown names and values that are not booleans, and applies the rest', () => {
    const { keksi, problems } = open()
    keksi.set({ analytics: 'yes', marketing: true, ga4: true } as never)
    expect(problems).toEqual([
      ['choice', 'keksi.set(): analytics', 'yes', undefined],
      ['name', 'keksi.set()', 'marketing', NAMES]
    ])
    expect(keksi.accepted('ga4')).toBe(true)
    expect(keksi.accepted('hubspot')).toBe(false)
    expect(keksi.accepted('marketing')).toBe(false)
  })
})

describe('events', () => {
  test('consent fires on every decision, even one that changes nothing; change only when grants change', () => {
    const { keksi, events } = open(stored(() => false, 'reject-all'))
    keksi.acceptAll()
    keksi.acceptAll()
    expect(names(events)).toEqual(['ready', 'consent', 'change', 'consent'])
  })

  test('change lists what was granted and what was revoked', () => {
    const { keksi, events } = open(stored(name => name === 'embeds' || name === 'youtube'))
    keksi.set({ analytics: true, embeds: false })
    const change = events.find(([name]) => name === 'change')?.[1] as Consent & {
      granted: string[]
      revoked: string[]
    }
    expect(change.granted).toEqual(['analytics', 'ga4', 'hubspot', 'hotjar'])
    expect(change.revoked).toEqual(['embeds', 'youtube'])
    expect(change.method).toBe('custom')
    expect(change.id).toBe(keksi.get()?.id)
    expect(change.services).toEqual(keksi.get()?.services)
  })

  test('a first acceptance lists what it granted; necessary was granted all along', () => {
    const { keksi, events } = open()
    keksi.acceptAll()
    const change = events.find(([name]) => name === 'change')?.[1] as { granted: string[]; revoked: string[] }
    expect(change.granted).toEqual(OPTIONAL)
    expect(change.revoked).toEqual([])
  })

  test('a first refusal changes nothing that is granted', () => {
    const { keksi, events } = open()
    keksi.rejectAll()
    expect(names(events)).toEqual(['ready', 'consent'])
  })

  test('a withdrawal is a change that lists what was revoked', () => {
    const { keksi, events } = open(stored(() => true, 'accept-all'))
    keksi.set({ analytics: false })
    const change = events.find(([name]) => name === 'change')?.[1] as { granted: string[]; revoked: string[] }
    expect(change.granted).toEqual([])
    expect(change.revoked).toEqual(['analytics', 'ga4', 'hubspot', 'hotjar'])
  })

  test('an on() listener receives the same object as the event detail', () => {
    const { keksi, events } = open()
    const consents: unknown[] = []
    const changes: unknown[] = []
    keksi.on('consent', detail => consents.push(detail))
    keksi.on('change', detail => changes.push(detail))
    keksi.acceptAll()
    expect(consents).toHaveLength(1)
    expect(consents[0]).toBe(events.find(([name]) => name === 'consent')?.[1])
    expect(consents[0]).toBe(keksi.get())
    expect(changes).toHaveLength(1)
    expect(changes[0]).toBe(events.find(([name]) => name === 'change')?.[1])
  })

  test('on() returns the function that stops listening', () => {
    const { keksi } = open()
    const seen: string[] = []
    const stop = keksi.on('consent', detail => seen.push(detail.method))
    keksi.acceptAll()
    stop()
    keksi.rejectAll()
    expect(seen).toEqual(['accept-all'])
  })

  test('a listener that throws does not stop the others, and its error is reported', () => {
    const { keksi, events } = open()
    const boom = new Error('page bug')
    const seen: string[] = []
    keksi.on('consent', () => {
      throw boom
    })
    keksi.on('consent', detail => seen.push(detail.method))
    expect(() => keksi.acceptAll()).not.toThrow()
    expect(seen).toEqual(['accept-all'])
    expect(reported).toEqual([boom])
    expect(names(events)).toContain('consent')
  })

  test('a queued function that throws is reported and Keksi still starts', () => {
    const boom = new Error('page bug')
    const { keksi, events } = open(undefined, {
      queue: [
        () => {
          throw boom
        }
      ]
    })
    expect(reported).toEqual([boom])
    expect(names(events)).toEqual(['ready'])
    expect(keksi.get()).toBeNull()
  })

  test('open and close, emitted by the UI, reach listeners and document', async () => {
    const { keksi, ui, events } = open()
    await settle()
    const seen: unknown[] = []
    keksi.on('open', detail => seen.push(detail))
    ui.context?.emit('open', { view: 'banner' })
    ui.context?.emit('close', { view: 'banner' })
    expect(seen).toEqual([{ view: 'banner' }])
    expect(events.slice(1)).toEqual([
      ['open', { view: 'banner' }],
      ['close', { view: 'banner' }]
    ])
  })
})

describe('reset()', () => {
  test('forgets the decision, says what was revoked and shows the banner again', async () => {
    const { keksi, ui, storage, events } = open(stored(name => name === 'embeds' || name === 'youtube'))
    await settle()
    expect(ui.loads).toBe(0)
    keksi.reset()
    await settle()
    expect(keksi.get()).toBeNull()
    expect(storage.value).toBeUndefined()
    expect(keksi.accepted('youtube')).toBe(false)
    expect(ui.views).toEqual(['banner'])
    const change = events.find(([name]) => name === 'change')?.[1] as { granted: string[]; revoked: string[] }
    expect(change.granted).toEqual([])
    expect(change.revoked).toEqual(expect.arrayContaining(['embeds', 'youtube']))
    expect(names(events)).not.toContain('consent')
  })
})

describe('onAccept()', () => {
  test('runs at once when already granted', () => {
    const { keksi } = open(stored(() => true, 'accept-all'))
    let runs = 0
    keksi.onAccept('ga4', () => runs++)
    expect(runs).toBe(1)
  })

  test('runs once, when the name is granted later', () => {
    const { keksi } = open()
    let runs = 0
    keksi.onAccept('hotjar', () => runs++)
    keksi.rejectAll()
    expect(runs).toBe(0)
    keksi.set({ hotjar: true })
    expect(runs).toBe(1)
    keksi.rejectAll()
    keksi.acceptAll()
    expect(runs).toBe(1)
  })

  test('works for a category as for a service', () => {
    const { keksi } = open()
    const ran: string[] = []
    keksi.onAccept('embeds', () => ran.push('embeds'))
    keksi.onAccept('analytics', () => ran.push('analytics'))
    keksi.set({ youtube: true })
    expect(ran).toEqual(['embeds'])
  })

  test('the returned function cancels it', () => {
    const { keksi } = open()
    let runs = 0
    const cancel = keksi.onAccept('analytics', () => runs++)
    cancel()
    keksi.acceptAll()
    expect(runs).toBe(0)
  })
})

describe('store', () => {
  test('is a nanostores atom of the decision', () => {
    const { keksi } = open()
    const seen: (string | undefined)[] = []
    const method = computed(keksi.store, consent => consent?.method)
    const stop = method.subscribe(value => seen.push(value))
    expect(keksi.store.get()).toBeNull()
    keksi.rejectAll()
    expect(keksi.store.get()).toBe(keksi.get())
    keksi.acceptAll()
    stop()
    expect(seen).toEqual([undefined, 'reject-all', 'accept-all'])
  })

  test('subscribe() gets the stored decision at once on a return visit', () => {
    const { keksi } = open(stored(() => true, 'accept-all'))
    const seen: unknown[] = []
    keksi.store.subscribe(consent => seen.push(consent))()
    expect(seen).toEqual([keksi.get()])
    expect(seen[0]).not.toBeNull()
  })
})

describe('the UI', () => {
  test('is loaded on a first visit to show the banner', async () => {
    const { ui } = open()
    await settle()
    expect(ui.loads).toBe(1)
    expect(ui.views).toEqual(['banner'])
  })

  test('is not loaded for a visitor who has decided', async () => {
    const { keksi, ui } = open(stored(() => false, 'reject-all'))
    keksi.hide()
    await settle()
    expect(ui.loads).toBe(0)
    expect(ui.views).toEqual([])
  })

  test('is loaded once, then reused, when opened', async () => {
    const { keksi, ui } = open(stored(() => false, 'reject-all'))
    keksi.open()
    await settle()
    keksi.hide()
    keksi.show()
    await settle()
    expect(ui.loads).toBe(1)
    expect(ui.views).toEqual(['preferences', null, 'banner'])
  })

  test('is mounted with the API, the config and the document', async () => {
    const { keksi, ui, doc } = open()
    await settle()
    expect(ui.context?.keksi).toBe(keksi)
    expect(ui.context?.config).toBe(config)
    expect(ui.context?.doc).toBe(doc)
  })

  test('a UI that cannot be loaded is reported, and tried again on the next open', async () => {
    const { keksi, ui, problems } = open(stored(() => false, 'reject-all'))
    ui.fail = true
    keksi.open()
    await settle()
    expect(problems).toEqual([['load', 'keksi-ui.js', undefined, undefined]])
    expect(ui.views).toEqual([])
    ui.fail = false
    keksi.open()
    await settle()
    expect(ui.loads).toBe(2)
    expect(ui.views).toEqual(['preferences'])
  })

  test('a click on a [data-keksi-open] element opens the preferences', async () => {
    const { ui, doc } = open(stored(() => false, 'reject-all'))
    doc.body.innerHTML = '<footer><a href="#" data-keksi-open><span>Cookie settings</span></a></footer>'
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    doc.querySelector('span')?.dispatchEvent(click)
    await settle()
    expect(click.defaultPrevented).toBe(true)
    expect(ui.views).toEqual(['preferences'])
  })

  test('a click elsewhere opens nothing', async () => {
    const { ui, doc } = open(stored(() => false, 'reject-all'))
    doc.body.innerHTML = '<a href="#top">Top</a>'
    doc.querySelector('a')?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    await settle()
    expect(ui.loads).toBe(0)
  })
})

describe('odd input from the page', () => {
  test('names found on Object.prototype are never accepted', () => {
    const { keksi } = open()
    keksi.rejectAll()
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(keksi.accepted(name)).toBe(false)
  })

  test('set() with something other than an object is reported once and decides nothing', () => {
    for (const value of [null, 'analytics', 5, ['analytics']]) {
      const { keksi, problems, storage } = open()
      keksi.set(value as never)
      expect(problems).toEqual([['choices', 'keksi.set()', value, undefined]])
      expect(keksi.get()).toBeNull()
      expect(storage.value).toBeUndefined()
    }
  })

  test('an onAccept callback that throws is reported, and the decision still stands', () => {
    const reported: unknown[] = []
    const original = globalThis.reportError
    globalThis.reportError = error => reported.push(error)
    try {
      const { keksi } = open()
      keksi.onAccept('analytics', () => {
        throw new Error('page bug')
      })
      expect(() => keksi.acceptAll()).not.toThrow()
      expect(keksi.accepted('analytics')).toBe(true)
      expect(reported).toEqual([new Error('page bug')])
    } finally {
      globalThis.reportError = original
    }
  })
})

describe('Global Privacy Control', () => {
  const gpcOn = { integrations: [globalPrivacyControl(() => false)] }
  /** Runs `fn` in a browser that sends (or does not send) GPC. */
  const withGpc = (on: unknown, fn: () => void): void => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true })
    try {
      fn()
    } finally {
      delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl
    }
  }

  test('a first visit with GPC is a stored refusal of method gpc: every optional name off, no banner', () =>
    withGpc(true, () => {
      const { keksi, storage, ui, events } = open(undefined, gpcOn)
      const consent = keksi.get()
      expect(consent?.method).toBe('gpc')
      for (const name of OPTIONAL) expect(keksi.accepted(name)).toBe(false)
      expect(storage.value).toMatch(/^1\.\w+\.\w+\.g\.0\./)
      expect(names(events)).toEqual(['consent', 'ready'])
      expect(ui.loads).toBe(0)
    }))

  test('the visitor can still opt in, which replaces the gpc decision', () =>
    withGpc(true, () => {
      const { keksi } = open(undefined, gpcOn)
      keksi.set({ analytics: true })
      expect(keksi.get()?.method).toBe('custom')
      expect(keksi.accepted('ga4')).toBe(true)
    }))

  test('a stored decision wins over GPC: an opt-in made on this site stays', () =>
    withGpc(true, () => {
      const { keksi } = open(
        stored(() => true, 'accept-all'),
        gpcOn
      )
      expect(keksi.get()?.method).toBe('accept-all')
      expect(keksi.accepted('analytics')).toBe(true)
    }))

  test('a crawler with GPC gets no decision, and no banner', () =>
    withGpc(true, () => {
      const { keksi, ui, storage } = open(undefined, {
        integrations: [globalPrivacyControl(() => true)],
        bot: () => true
      })
      expect(keksi.get()).toBeNull()
      expect(storage.value).toBeUndefined()
      expect(ui.loads).toBe(0)
    }))

  test('a return view asks neither whether it is a crawler nor for the signal', () => {
    let asked = 0
    Object.defineProperty(navigator, 'globalPrivacyControl', {
      get: () => {
        asked++
        return true
      },
      configurable: true
    })
    try {
      const bot = (): boolean => {
        asked++
        return false
      }
      const { keksi } = open(
        stored(() => true),
        { integrations: [globalPrivacyControl(bot)], bot }
      )
      expect(keksi.accepted('analytics')).toBe(true)
      expect(asked).toBe(0)
    } finally {
      delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl
    }
  })

  test('without the signal, or with anything but true, the visitor is asked', () => {
    for (const value of [undefined, false, 'true', 1]) {
      withGpc(value, () => {
        const { keksi, ui } = open(undefined, gpcOn)
        expect(keksi.get()).toBeNull()
        expect(ui.loads).toBe(1)
      })
    }
  })

  test('gpc: false ignores the signal', () =>
    withGpc(true, () => {
      const ignoring = resolveConfig({ policyUrl: '/privacy', gpc: false }, builtIns, () => {})
      const keksi = createKeksi(ignoring, {
        ...gpcOn,
        storage: memoryStorage(),
        loadUi: fakeUi().loadUi,
        report: () => {},
        doc: document.implementation.createHTMLDocument('')
      })
      expect(keksi.get()).toBeNull()
    }))
})
