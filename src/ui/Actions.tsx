import { h } from 'preact'

/**
 * The buttons that end a view, each its label and what it does: all alike, so none weighs more than another
 * (README "Layouts").
 */
export function Actions({ buttons }: { buttons: [label: string, onClick: () => void][] }) {
  return (
    <div class="keksi-actions">
      {buttons.map(([label, onClick]) => (
        <button type="button" class="keksi-button" onClick={onClick}>
          {label}
        </button>
      ))}
    </div>
  )
}
