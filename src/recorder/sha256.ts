/** The round constants of SHA-256: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
// biome-ignore format: eight words a row, as FIPS 180-4 prints them
const K = Uint32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
)

const rotate = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/**
 * SHA-256 of a text's UTF-8 bytes, as 64 hex digits (FIPS 180-4). Written out because `crypto.subtle` exists only
 * on https pages, and a consent record's hash must be the same wherever the site is served.
 *
 * @example
 * sha256('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256(text: string): string {
  const bytes = new TextEncoder().encode(text)
  // The message, a 1 bit, zeros, and its length in bits as a 64-bit number: a whole number of 64-byte blocks.
  const length = (((bytes.length + 8) >> 6) + 1) << 6
  const message = new Uint8Array(length)
  message.set(bytes)
  message[bytes.length] = 0x80
  const view = new DataView(message.buffer)
  view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000))
  view.setUint32(length - 4, bytes.length << 3)
  const hash = Uint32Array.of(
    0x6a09e667,
    0xbb67ae85,
    0x3c6ef372,
    0xa54ff53a,
    0x510e527f,
    0x9b05688c,
    0x1f83d9ab,
    0x5be0cd19
  )
  const w = new Uint32Array(64)
  for (let block = 0; block < length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4)
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number
      const b = w[i - 2] as number
      const s0 = rotate(a, 7) ^ rotate(a, 18) ^ (a >>> 3)
      const s1 = rotate(b, 17) ^ rotate(b, 19) ^ (b >>> 10)
      w[i] = (w[i - 16] as number) + s0 + (w[i - 7] as number) + s1
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as number[]
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h as number) +
        (rotate(e as number, 6) ^ rotate(e as number, 11) ^ rotate(e as number, 25)) +
        (((e as number) & (f as number)) ^ (~(e as number) & (g as number))) +
        (K[i] as number) +
        (w[i] as number)
      const t2 =
        (rotate(a as number, 2) ^ rotate(a as number, 13) ^ rotate(a as number, 22)) +
        (((a as number) & (b as number)) ^ ((a as number) & (c as number)) ^ ((b as number) & (c as number)))
      h = g
      g = f
      f = e
      e = ((d as number) + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    const next = [a, b, c, d, e, f, g, h] as number[]
    for (let i = 0; i < 8; i++) hash[i] = (hash[i] as number) + (next[i] as number)
  }
  return Array.from(hash, word => word.toString(16).padStart(8, '0')).join('')
}
