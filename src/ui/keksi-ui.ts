/**
 * What `keksi-ui.js` offers: `mount` for keksi.js, and the parts that `keksi-preferences.js` draws with. The
 * preferences are a script of their own, fetched when a visitor opens them: most visitors only ever answer the
 * banner, and do not download the dialog (README "Sizes").
 */
export { Fragment, h } from 'preact'
export { Actions } from './Actions.js'
export { Modal } from './Modal.js'
export { mount } from './mount.js'
export { RichText } from './RichText.js'
