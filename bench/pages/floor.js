// The floor of the benchmark: the least code that does a consent tool's job on this page, written by hand, not a
// product. It reads one cookie; with a decision it releases the held-back tag and video (or, refused, puts a plain
// "Load video" button by the video); without one it shows a plain bar with two equal buttons. No categories, no
// preferences, no languages, no withdrawal, no API: every table row shows how far Keksi is from this limit.
;(() => {
  const NAME = 'floor'

  const releaseTags = () => {
    for (const held of document.querySelectorAll('script[type="text/plain"][data-consent]')) {
      const script = document.createElement('script')
      const src = held.getAttribute('src')
      if (src) script.src = src
      else script.text = held.textContent ?? ''
      if (held.id) script.id = held.id
      held.replaceWith(script)
    }
  }

  /** @param {HTMLIFrameElement} frame */
  const releaseFrame = frame => {
    frame.src = frame.dataset.src ?? ''
  }

  const releaseAll = () => {
    releaseTags()
    for (const frame of document.querySelectorAll('iframe[data-src]')) releaseFrame(frame)
  }

  // Refused: each held-back video gets a line and a button above it that loads that one video.
  const placeholders = () => {
    for (const frame of document.querySelectorAll('iframe[data-src]')) {
      const line = document.createElement('p')
      line.className = 'floor-placeholder'
      line.textContent = `${frame.title} is hosted by YouTube, which may set cookies. `
      const button = document.createElement('button')
      button.textContent = 'Load video'
      button.onclick = () => {
        line.remove()
        releaseFrame(/** @type {HTMLIFrameElement} */ (frame))
      }
      line.append(button)
      frame.before(line)
    }
  }

  /** @param {boolean} granted */
  const decide = granted => {
    // biome-ignore lint/suspicious/noDocumentCookie: the floor is the least code, without a cookie library.
    document.cookie = `${NAME}=${granted ? 1 : 0}; path=/; max-age=15552000; samesite=lax`
    document.getElementById('floor-bar')?.remove()
    if (granted) releaseAll()
    else placeholders()
  }

  const bar = () => {
    const section = document.createElement('section')
    section.id = 'floor-bar'
    section.setAttribute('aria-label', 'Cookies on this site')
    section.style.cssText =
      'position:fixed;inset:auto 0 0;padding:1rem;background:#fff;color:#1f2328;border-top:1px solid #ccc'
    const text = document.createElement('p')
    text.textContent =
      'We use necessary cookies to make this site work. With your consent we also use analytics to improve it and show embedded videos.'
    section.append(text)
    for (const [label, granted] of [
      ['Accept all', true],
      ['Reject all', false]
    ]) {
      const button = document.createElement('button')
      button.textContent = String(label)
      button.onclick = () => decide(Boolean(granted))
      section.append(button, ' ')
    }
    document.body.append(section)
  }

  const start = () => {
    const stored = document.cookie.match(/(?:^|; )floor=([01])(?:;|$)/)?.[1]
    if (stored === '1') releaseAll()
    else if (stored === '0') placeholders()
    else bar()
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
