/**
 * Keys shared by the worlds one test file builds: a cluster's installation needs ten keys, and RSA key
 * generation is slow. Reusing them across worlds changes no behaviour under test (every world still
 * builds its own certificates); tests about key-independence use fresh keys instead.
 */
import { describeKeySpec, generateKeyPair } from '../../src/pki/keys';
import type { KeySource } from '../../src/sim/install';

const pool = new Map<string, Promise<CryptoKeyPair>>();

export const pooledKeys: KeySource = (spec, label) => {
  const key = `${describeKeySpec(spec)}/${label}`;
  let keys = pool.get(key);
  if (!keys) {
    keys = generateKeyPair(spec);
    pool.set(key, keys);
  }
  return keys;
};
