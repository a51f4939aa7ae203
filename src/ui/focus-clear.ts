/**
 * The banner must not hide the element that has keyboard focus (WCAG 2.4.11): that element is scrolled clear of
 * the banner in `root`, with room made at the end of the page (`end`) for its last elements. Beside a box is clear;
 * a wall leaves the page inert, so nothing there has focus.
 */
export function keepFocusClear(doc: Document, root: HTMLElement, host: HTMLElement, end: HTMLElement): void {
  doc.addEventListener('focusin', event => {
    const banner = root.querySelector('.keksi-banner')?.getBoundingClientRect()
    const target = event.target as Element
    // Keyboard focus only: a pointer put it where the visitor sees, and scrolling then would move what is clicked.
    if (!banner || target === host || !(target.shadowRoot?.activeElement ?? target).matches(':focus-visible'))
      return
    const { bottom, left, right } = target.getBoundingClientRect()
    if (bottom > banner.top && right > banner.left && left < banner.right) {
      end.style.cssText = `display:block;height:${banner.height + 16}px`
      scrollBy(0, bottom - banner.top + 8)
    }
  })
}
