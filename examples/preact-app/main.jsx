// A Preact app that reads the visitor's decision through nanostores: `keksi.store` is a nanostores atom, so
// `useStore` re-renders a component whenever the decision changes, from the banner, the settings or another call.
import { useStore } from '@nanostores/preact'
import { init } from 'keksi'
import { render } from 'preact'

const keksi = init({
  policyUrl: '/examples/privacy.html',
  services: { hotjar: { id: '3456789' } }
})

/** What the visitor decided, category by category. */
function Decision() {
  const consent = useStore(keksi.store)
  if (!consent) return <p id="decision">No decision yet.</p>
  return (
    <ul id="decision">
      {Object.entries(consent.categories).map(([name, on]) => (
        <li key={name}>
          {name}: {on ? 'allowed' : 'not allowed'}
        </li>
      ))}
    </ul>
  )
}

/** A feature that exists only with consent: it appears the moment analytics is allowed, and goes when it is not. */
function Heatmap() {
  const consent = useStore(keksi.store)
  return consent?.services.hotjar ? (
    <p id="heatmap">Hotjar is allowed: the app would start its heatmap here.</p>
  ) : (
    <p id="heatmap">Hotjar waits for your consent.</p>
  )
}

function App() {
  return (
    <main>
      <h1>Acme, a Preact app</h1>
      <p>
        Components read <code>keksi.store</code> with <code>useStore</code> from{' '}
        <code>@nanostores/preact</code>.
      </p>
      <Decision />
      <Heatmap />
      <p>
        <button type="button" onClick={() => keksi.open()}>
          Cookie settings
        </button>
      </p>
    </main>
  )
}

render(<App />, document.getElementById('app'))
