import type { ConsentStorage } from '../core/types.js'

/**
 * A storage that keeps the value in memory: for tests, and for servers that hand Keksi the value themselves.
 *
 * @example
 * const storage = memoryStorage('1.1.tn4z5k.a.3.k3x.q8Xn0pWc2LrT5vYb')
 */
export function memoryStorage(value?: string): ConsentStorage & { value: string | undefined } {
  return {
    value,
    read() {
      return this.value
    },
    write(next) {
      this.value = next
    },
    clear() {
      this.value = undefined
    }
  }
}
