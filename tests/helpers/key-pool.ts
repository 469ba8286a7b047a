/**
 * Keys shared by the worlds one test file builds: a cluster's installation needs ten keys, and RSA key
 * generation is slow. Reusing them across worlds changes no behaviour under test (every world still
 * builds its own certificates); tests about key-independence use another pool, or fresh keys.
 */
import { describeKeySpec, generateKeyPair } from '../../src/pki/keys';
import type { KeySource } from '../../src/sim/install';

/** A pool of its own: worlds built from two pools hold different keys. */
export function keyPool(): KeySource {
  const pool = new Map<string, Promise<CryptoKeyPair>>();
  return (spec, label) => {
    const key = `${describeKeySpec(spec)}/${label}`;
    let keys = pool.get(key);
    if (!keys) {
      keys = generateKeyPair(spec);
      pool.set(key, keys);
    }
    return keys;
  };
}

export const pooledKeys: KeySource = keyPool();
