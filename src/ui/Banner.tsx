import { Fragment, h } from 'preact'
import { Actions } from './Actions.js'
import type { ViewProps } from './Preferences.js'
import { RichText } from './RichText.js'

/**
 * The first layer (SPEC §4): short text, the policy link and three actions of equal weight. It overlays the page
 * without blocking it, and has no close button: dismissing is never consent.
 */
export function Banner({ keksi, config: { policyUrl }, texts }: ViewProps) {
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
      <Actions
        buttons={[
          [texts.acceptAll, keksi.acceptAll],
          [texts.rejectAll, keksi.rejectAll],
          [texts.settings, keksi.open]
        ]}
      />
    </section>
  )
}
