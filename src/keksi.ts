import type { ReadableAtom } from 'nanostores'
import { isObject, knownNames } from './core/config.js'
import { type ConsentModel, createConsentModel, grants } from './core/consent.js'
import type { Choices, Consent, ConsentStorage, Report, ResolvedConfig, Texts } from './core/types.js'
import { addScript } from './load-script.js'

/** The `detail` of `keksi:change`: the decision, plus what it granted and revoked. After `reset()`, only the lists. */
export type ConsentChange = (Consent | { [K in keyof Consent]?: never }) & {
  /** Categories and services granted by this change. */
  granted: string[]
  /** Categories and services no longer granted. */
  revoked: string[]
}

/** Each event's `detail`, as `on()` listeners and `document` listeners (`keksi:<name>`) receive it. */
export interface KeksiEvents {
  /** Once, when Keksi has read the stored decision (`null` when there is none). */
  ready: Consent | null
  /** Every decision the visitor or the API makes, even one that changes nothing. */
  consent: Consent
  /** Whenever what is granted changes. */
  change: ConsentChange
  /** The banner or the preferences became visible (also when the banner gives way to the preferences). */
  open: { view: 'banner' | 'preferences' }
  /** Keksi's UI was closed: nothing of it is visible any more. `view` is what was visible last. */
  close: { view: 'banner' | 'preferences' }
}

/**
 * The developer API, as `window.keksi` and as `init()` returns it (README "API").
 *
 * @example
 * keksi.on('change', ({ granted }) => console.log('now allowed:', granted))
 * if (keksi.accepted('analytics')) startMyAnalytics()
 */
export interface Keksi {
  /** The visitor's decision, `null` until they decide. */
  get(): Consent | null
  /** Whether a category or a service id is granted; `necessary` always is. */
  accepted(name: string): boolean
  acceptAll(): void
  rejectAll(): void
  /** Sets the named categories and services (`{ analytics: true, hotjar: false }`); the rest keep their state. */
  set(choices: Choices): void
  /** Opens the preferences dialog (what "Cookie settings" links do). */
  open(): void
  /** Shows the banner. */
  show(): void
  /** Hides the banner and the preferences without deciding anything. */
  hide(): void
  /** Forgets the decision (the cookie is removed) and shows the banner again. */
  reset(): void
  /** Listens to an event; returns the function that stops listening. A `ready` listener added late runs at once, with what `ready` carried. */
  on<E extends keyof KeksiEvents>(event: E, listener: (detail: KeksiEvents[E]) => void): () => void
  /** Runs `fn` now if `name` is granted, else once when it is granted; returns a function that cancels it. */
  onAccept(name: string, fn: () => void): () => void
  /** A nanostores atom of the decision (`Consent | null`): `keksi.store.subscribe(consent => ...)`. */
  store: ReadableAtom<Consent | null>
  /** Runs `fn` with the API: what the pre-load queue `(window.keksi = window.keksi || []).push(fn)` becomes. */
  push(fn: (keksi: Keksi) => void): void
}

/** What the visitor sees of Keksi: nothing, the banner, or the preferences dialog. */
export type View = 'banner' | 'preferences' | null

/** What the UI bundle receives when it is mounted: the API, the validated config, and how to announce itself. */
export interface UiContext {
  keksi: Keksi
  config: ResolvedConfig
  /** Fires `open` and `close`, when the UI really appears and disappears. */
  emit: <E extends 'open' | 'close'>(event: E, detail: KeksiEvents[E]) => void
  doc: Document
  /** Reports the owner's mistakes in texts, which the UI checks. */
  report: Report
  /** Tells Keksi the words the visitor can read now, and their language: what a consent record proves was shown. */
  shown(lang: string, texts: Texts): void
}

/** The words the visitor was shown on this page view, in their language (README "Proof of consent"). */
export interface Wording {
  lang: string
  texts: Texts
}

/**
 * Mounts the UI (what `keksi-ui.js` provides); returns the function that shows a view or hides it all, or, given
 * nothing, draws what the page needs besides (the placeholders of embeds held back) and leaves the view as it is.
 */
export type MountUi = (context: UiContext) => (view?: View) => void

/** Starts the placeholders of embeds held back (what `keksi-embed.js` provides); resolves what redraws them. */
export type MountEmbeds = (keksi: Keksi, config: ResolvedConfig, doc: Document) => Promise<() => void>

/** Keksi as `start` composes it: the API, and what the gate calls for the placeholders of the embeds it holds back. */
export interface KeksiParts extends Keksi {
  /** Draws the placeholders of embeds held back, fetching `keksi-embed.js` the first time. @internal */
  redraw(): void
}

/**
 * What an integration works with (README "Developing": `src/integrations/`): the API, the consent model's own
 * actions, the validated config, and the page. Each integration is a function of it, run once as Keksi starts,
 * before `ready`.
 */
export interface IntegrationContext {
  keksi: KeksiParts
  /** The model under the API: `set` with a method (`gpc`), and `adopt` for a decision another tab stored. @internal */
  model: ConsentModel
  config: ResolvedConfig
  doc: Document
  report: Report
  storage: ConsentStorage
  /** The Keksi tag's CSP nonce, for every script Keksi inserts (README "Content Security Policy"). */
  nonce?: string | undefined
  /**
   * Loads a script for a category or service, once per page view, with the nonce and `data-consent`, so that
   * auto-blocking and the debug report know it is Keksi's.
   */
  load(src: string, name: string, id?: string): void
  /**
   * The names whose code ran in this page view: withdrawing one of them needs a fresh page (README "Withdrawal").
   * @internal
   */
  ran: Set<string>
  /**
   * What the UI has shown on this page view; `undefined` when nothing was (a decision by the API, or GPC).
   * @internal
   */
  wording(): Wording | undefined
}

/** One way Keksi meets the page: Consent Mode, a vendor, the gate, other tabs, GPC. */
export type Integration = (context: IntegrationContext) => void

export interface KeksiOptions {
  storage: ConsentStorage
  /**
   * Fetches the UI when something must be shown (README "Sizes"); `urgent` when it is a view the visitor waits for
   * (the banner, the preferences), not only the floating button.
   * @internal
   */
  loadUi: (config: ResolvedConfig, urgent: boolean) => Promise<MountUi>
  /** Fetches the placeholders of embeds, when the gate holds one back. @internal */
  loadEmbeds?: () => Promise<MountEmbeds>
  report: Report
  doc: Document
  now?: () => number
  /** Functions queued before Keksi loaded; run before `ready`, after the integrations. @internal */
  queue?: unknown[] | undefined
  /** Run in order, before the queue (README "Developing": `src/integrations/`). @internal */
  integrations?: Integration[]
  nonce?: string | undefined
  /**
   * Whether this page view is a crawler's: no banner unless the page's code asks for one (README "Bots"). Asked only
   * while there is no decision, so that a return view does not read the user agent. @internal
   */
  bot?: () => boolean
}

/** Calls the page's code; if it throws, that is the page's bug: it is reported as the browser would, and Keksi goes on. */
const safely = <T>(fn: (arg: T) => void, arg?: T): void => {
  try {
    fn(arg as T)
  } catch (error) {
    reportError(error)
  }
}

/**
 * Builds Keksi for one page: the consent model, the API, the events, "change decision" links and the UI on demand,
 * then runs the integrations the caller composes on it (the gate, Consent Mode, the vendors, other tabs, GPC).
 *
 * @example
 * const keksi = createKeksi(resolveConfig(config, builtIns, report), { storage, loadUi, report, doc: document })
 */
export function createKeksi(config: ResolvedConfig, options: KeksiOptions): KeksiParts {
  const { doc, report } = options
  const model: ConsentModel = createConsentModel(config, options.storage, options.now)
  const names = knownNames(config)
  const listeners: Record<string, Set<(detail: unknown) => void>> = {}
  /** What `ready` carried, replayed to a `ready` listener added later; `undefined` until then. */
  let ready: Consent | null | undefined

  const emit = <E extends keyof KeksiEvents>(event: E, detail: KeksiEvents[E]): void => {
    for (const listener of listeners[event] ?? []) safely(listener, detail)
    doc.dispatchEvent(new CustomEvent(`keksi:${event}`, { detail }))
  }

  model.store.listen((consent, previous) => {
    if (consent) emit('consent', consent)
    // The names `to` grants and `from` did not (`true > false`).
    const diff = (to?: Consent | null, from?: Consent | null): string[] =>
      names.filter(name => grants(to, name) > grants(from, name))
    const granted = diff(consent, previous)
    const revoked = diff(previous, consent)
    if (granted.length || revoked.length) emit('change', { ...consent, granted, revoked })
  })

  let wording: Wording | undefined
  /** The placeholders of embeds held back, drawn by `keksi-embed.js` once the first is held. */
  let embeds: Promise<(() => void) | undefined> | undefined
  const placeholders = (): void => {
    if (!options.loadEmbeds) return
    embeds ??= options.loadEmbeds().then(
      mount => mount(keksi, config, doc),
      () => {
        embeds = undefined
        report('load', 'keksi-embed.js')
        return undefined
      }
    )
    void embeds.then(draw => draw?.())
  }
  // The UI is fetched the first time something must be shown (README "Sizes"); it closes itself after a decision.
  let ui: Promise<((view?: View) => void) | undefined> | undefined
  const show = (view?: View): void => {
    // Hiding needs no UI, unless it draws the floating button.
    if (!view && !ui && !config.floatingButton) return
    ui ??= options.loadUi(config, !!view).then(
      mount =>
        mount({ keksi, config, emit, doc, report, shown: (lang, texts) => (wording = { lang, texts }) }),
      () => {
        ui = undefined
        report('load', 'keksi-ui.js')
        return undefined
      }
    )
    void ui.then(setView => setView?.(view))
  }

  const keksi: KeksiParts = {
    store: model.store,
    accepted: model.accepted,
    acceptAll: model.acceptAll,
    rejectAll: model.rejectAll,
    // nanostores' methods do not use `this`.
    get: model.store.get,
    set(choices) {
      if (!isObject(choices)) return report('choices', 'keksi.set()', choices)
      for (const [name, on] of Object.entries(choices)) {
        if (!names.includes(name)) report('name', 'keksi.set()', name, names)
        else if (typeof on !== 'boolean') report('choice', `keksi.set(): ${name}`, on)
      }
      // The model takes the booleans of known names and leaves the rest.
      model.set(choices as Choices)
    },
    open: () => show('preferences'),
    show: () => show('banner'),
    hide: () => show(null),
    redraw: placeholders,
    reset() {
      model.reset()
      show('banner')
    },
    on(event, listener) {
      const set = (listeners[event] ?? new Set()).add(listener as (detail: unknown) => void)
      listeners[event] = set
      if (event === 'ready' && ready !== undefined) safely(listener, ready as KeksiEvents[typeof event])
      return () => set.delete(listener as (detail: unknown) => void)
    },
    onAccept(name, fn) {
      // Checked now and after every change; it stops at the first grant (stopping twice does nothing).
      const check = (): void => {
        if (model.accepted(name)) {
          stop()
          safely(fn)
        }
      }
      const stop = model.store.listen(check)
      check()
      return stop
    },
    push(fn) {
      if (typeof fn === 'function') safely(fn, keksi)
      else report('function', 'keksi.push()', fn)
    }
  }

  // "Change decision": any element with data-keksi-open, present now or added later (README "Layouts").
  doc.addEventListener('click', event => {
    if ((event.target as Element | null)?.closest?.('[data-keksi-open]')) {
      event.preventDefault()
      keksi.open()
    }
  })

  const loaded = new Set<string>()
  const context: IntegrationContext = {
    keksi,
    model,
    config,
    doc,
    report,
    storage: options.storage,
    nonce: options.nonce,
    ran: new Set(),
    wording: () => wording,
    load(src, name, id) {
      if (loaded.has(src)) return
      loaded.add(src)
      // Code loaded without consent (GA4's advanced mode) is not consented code: withdrawing nothing reloads.
      if (keksi.accepted(name)) context.ran.add(name)
      addScript(doc, src, options.nonce, script => {
        script.dataset.consent = name
        if (id) script.id = id
      })
    }
  }
  for (const integration of options.integrations ?? []) integration(context)
  for (const fn of options.queue ?? []) keksi.push(fn as (keksi: Keksi) => void)
  ready = keksi.get()
  emit('ready', ready)
  // A `ready` listener may have decided. A decided visitor sees nothing, or the floating button: the UI then comes
  // as a script of its own, which the browser fetches at low priority, without holding up the page.
  show(keksi.get() || options.bot?.() ? null : 'banner')
  return keksi
}
