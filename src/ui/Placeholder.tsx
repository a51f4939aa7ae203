import { h } from 'preact'
import type { Texts } from '../core/types.js'
import type { Keksi } from '../keksi.js'
import { privacyEnhanced } from '../services/youtube.js'
import { Actions } from './Actions.js'

/**
 * What stands in for an embed held back (SPEC §5): its title, who provides it, and two choices: load it this once,
 * or always allow its service (or category). It makes no request to the third party: the frame has no `src` until
 * the visitor chooses.
 */
export function Placeholder({
  frame,
  keksi,
  texts,
  loaded
}: {
  frame: HTMLIFrameElement
  keksi: Keksi
  texts: Texts
  /** Called when the visitor loads the frame this once: its placeholder goes. */
  loaded: () => void
}) {
  const name = frame.dataset.consent as string
  const service = texts.services[name]
  const by = service
    ? [service.name ?? name, service.provider].filter(Boolean).join(' · ')
    : (texts.categories[name]?.title ?? name)
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of words and buttons standing in for a frame, not a form.
    <div class="keksi-embed" role="group" aria-label={frame.title || by}>
      <p class="keksi-title">{frame.title || by}</p>
      {frame.title && <p class="keksi-note">{by}</p>}
      <p class="keksi-text">{texts.embedNote}</p>
      <Actions
        buttons={[
          [
            /youtube/.test(frame.dataset.src as string) ? texts.loadVideo : texts.load,
            () => {
              // This once: the frame leaves Keksi's hands for this page view.
              frame.removeAttribute('data-consent')
              frame.src = privacyEnhanced(frame.dataset.src as string)
              loaded()
            }
          ],
          [texts.alwaysAllow, () => keksi.set({ [name]: true })]
        ]}
      />
    </div>
  )
}
