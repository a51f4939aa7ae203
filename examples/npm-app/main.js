// An app that installs Keksi from npm and lets its bundler (Vite here) do the rest: the banner is a chunk fetched
// only when it must be shown, and the theme stylesheet is emitted by the bundler from `new URL(..., import.meta.url)`.
import { init } from 'keksi'

const keksi = init({
  policyUrl: '/examples/privacy.html',
  services: { ga4: { id: 'G-ABC123XYZ' }, hotjar: { id: '3456789' } }
})

const state = document.getElementById('state')
const show = consent => {
  state.textContent = consent
    ? Object.entries(consent.services)
        .map(([name, on]) => `${name}: ${on ? 'allowed' : 'not allowed'}`)
        .join(', ')
    : 'no decision yet'
}
show(keksi.get())
keksi.store.subscribe(show)
document.getElementById('settings').addEventListener('click', () => keksi.open())
keksi.onAccept('analytics', () => {
  document.getElementById('log').textContent += 'analytics allowed: this is where the app would start it\n'
})
