import { Fragment, h } from 'preact'
import { Actions } from './Actions.js'
import { Modal } from './Modal.js'
import type { ViewProps } from './Preferences.js'
import { RichText } from './RichText.js'

/**
 * The first layer (README "Layouts"): short text, the policy link and three actions of equal weight, in the
 * owner's layout. A bar or a box overlays the page without blocking it; a wall is a modal dialog that stays open
 * until the visitor decides. None has a close button: dismissing is never consent.
 */
export function Banner({
  keksi,
  config: { policyUrl, layout = 'bar', position = 'left' },
  texts
}: ViewProps) {
  const props = {
    class: `keksi-banner keksi-${layout} keksi-${position}`,
    'aria-labelledby': 'keksi-title',
    part: 'banner',
    children: (
      <>
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
      </>
    )
  }
  return layout === 'wall' ? <Modal closedby="none" {...props} /> : <section {...props} />
}
