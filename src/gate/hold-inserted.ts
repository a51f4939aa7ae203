import type { Integration } from '../keksi.js'
import { builtIns } from '../services/built-ins.js'

type Method = (this: Node, ...args: unknown[]) => unknown

/**
 * The DOM methods through which a script puts a new element into the page, by the prototype that has them. Each is
 * called on the element it inserts into or beside, which is in the page exactly when what it inserts will be.
 */
const INSERTING = {
  Node: ['appendChild', 'insertBefore', 'replaceChild'],
  Element: ['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith', 'insertAdjacentElement']
}

/**
 * Auto-blocking (README "Auto-blocking"): a script or iframe from a known service's host that another
 * script inserts (a tag manager, a widget) is held back as markup is, until its service is granted; the gate then
 * releases it, in order. A host belongs to the configured service that lists it, else to a built-in vendor's
 * category (GTM's own `googletagmanager.com` is `analytics` when GA4 is not configured). It sees elements as they
 * are inserted with `appendChild` and its kin, and HTML given to `innerHTML`, `outerHTML` and
 * `insertAdjacentHTML`; the README lists what it cannot see.
 */
export const holdInserted: Integration = ({ keksi, config, doc }) => {
  const owners: [host: string, name: string][] = []
  for (const service of Object.values(config.services))
    for (const host of service.hosts) owners.push([host, service.key])
  for (const [key, vendor] of Object.entries(builtIns)) {
    if (!config.services[key]) for (const host of vendor.hosts) owners.push([host, vendor.category])
  }

  const nameOf = (url: string): string | undefined => {
    let host: string
    try {
      host = new URL(url, doc.baseURI).hostname
    } catch {
      return undefined
    }
    return owners.find(([owner]) => host === owner || host.endsWith(`.${owner}`))?.[1]
  }

  /** Marks what `node` would bring into the page from a service not granted, as markup that waits for consent. */
  const hold = (node: unknown): void => {
    if (!(node instanceof Element || node instanceof DocumentFragment) || node.isConnected) return
    const found = [...node.querySelectorAll('script[src],iframe[src]')]
    if (node instanceof Element && node.matches('script[src],iframe[src]')) found.push(node)
    for (const element of found as HTMLElement[]) {
      const name = element.dataset.consent ? undefined : nameOf(element.getAttribute('src') as string)
      if (!name || keksi.accepted(name)) continue
      element.dataset.consent = name
      if (element instanceof HTMLScriptElement) {
        if (element.hasAttribute('type')) element.dataset.type = element.type
        element.type = 'text/plain'
      } else {
        element.dataset.src = element.getAttribute('src') as string
        element.removeAttribute('src')
      }
    }
  }

  for (const [type, methods] of Object.entries(INSERTING)) {
    const methodsOf = window[type as keyof typeof INSERTING].prototype as unknown as Record<string, Method>
    for (const method of methods) {
      const insert = methodsOf[method] as Method
      methodsOf[method] = function (this: Node, ...args: unknown[]) {
        // Into a tree not in the page (a UI library building one), nothing loads yet: what to hold is looked for
        // when that tree goes into the page, so building it costs nothing extra.
        if (this.isConnected) for (const arg of args) hold(arg)
        return insert.apply(this, args)
      }
    }
  }

  // HTML as text: scripts in it never run, but frames load, so frames are held before the browser sees them.
  const html = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML') as PropertyDescriptor
  const held = (markup: unknown): unknown => {
    if (typeof markup !== 'string' || !/<iframe/i.test(markup)) return markup
    const template = doc.createElement('template')
    html.set?.call(template, markup)
    hold(template.content)
    return html.get?.call(template)
  }
  for (const property of ['innerHTML', 'outerHTML']) {
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, property) as PropertyDescriptor
    Object.defineProperty(Element.prototype, property, {
      ...descriptor,
      set(this: Element, markup: unknown) {
        descriptor.set?.call(this, held(markup))
      }
    })
  }
  const insertAdjacentHTML = Element.prototype.insertAdjacentHTML
  Element.prototype.insertAdjacentHTML = function (position, markup) {
    insertAdjacentHTML.call(this, position, held(markup) as string)
  }
}
