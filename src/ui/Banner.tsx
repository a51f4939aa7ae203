import { Fragment, h } from 'preact'
import type { Texts } from '../core/types.js'
import type { Keksi } from '../keksi.js'
import { RichText } from './RichText.js'

interface BannerProps {
  keksi: Keksi
  texts: Texts
  policyUrl: string | undefined
}

/**
 * The first layer (SPEC §4): short text, the policy link and three actions of equal weight. It overlays the page
 * without blocking it, and has no close button: dismissing is never consent.
 */
export function Banner({ keksi, texts, policyUrl }: BannerProps) {
  return (
    <section class="keksi-banner" aria-labelledby="keksi-title" part="banner">
      <h2 id="keksi-title" class="keksi-title">
        {texts.title}
      </h2>
      <p class="keksi-text">
        <RichText text={texts.description} />
        {policyUrl && (
          <>
            {' '}
            <a href={policyUrl}>{texts.policy}</a>
          </>
        )}
      </p>
      <div class="keksi-actions">
        <button type="button" class="keksi-button" onClick={keksi.acceptAll}>
          {texts.acceptAll}
        </button>
        <button type="button" class="keksi-button" onClick={keksi.rejectAll}>
          {texts.rejectAll}
        </button>
        <button type="button" class="keksi-button" onClick={keksi.open}>
          {texts.settings}
        </button>
      </div>
    </section>
  )
}
