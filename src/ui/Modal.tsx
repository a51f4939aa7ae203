import { type ComponentChildren, h } from 'preact'

/**
 * Keeps Tab inside a modal dialog (WAI-ARIA APG): from the last control to the first and back. The browser keeps
 * the page behind inert, but lets Tab leave for its own toolbar.
 */
function trap(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return
  const dialog = event.currentTarget as HTMLDialogElement
  const controls = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]),a[href],summary')]
  const first = controls[0]
  const last = controls[controls.length - 1]
  const active = (dialog.getRootNode() as ShadowRoot).activeElement
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault()
    ;(event.shiftKey ? last : first)?.focus()
  }
}

/**
 * A modal `<dialog>` (WAI-ARIA APG): the page behind is inert, focus moves in and Tab stays inside. Escape calls
 * `onCancel` and never closes it by itself; unmounting removes it, which closes it.
 */
export function Modal({
  onCancel,
  ...props
}: {
  class: string
  'aria-labelledby': string
  part: string
  closedby?: 'none'
  onCancel?: () => void
  children: ComponentChildren
}) {
  return (
    <dialog
      ref={dialog => {
        if (dialog && !dialog.open) dialog.showModal()
      }}
      onCancel={event => {
        event.preventDefault()
        onCancel?.()
      }}
      onKeyDown={trap}
      {...props}
    />
  )
}
