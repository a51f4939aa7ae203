import { h } from 'preact'

interface SwitchProps {
  on: boolean
  /** The id of the element that names the switch. */
  labelledBy: string
  locked?: boolean
  onToggle?: (on: boolean) => void
}

/** A two-state toggle (`role="switch"`, WAI-ARIA APG); a locked one shows "on" and cannot change. */
export function Switch({ on, labelledBy, locked, onToggle }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="keksi-switch"
      aria-checked={on}
      aria-labelledby={labelledBy}
      disabled={locked}
      onClick={() => onToggle?.(!on)}
    />
  )
}
