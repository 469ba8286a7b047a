/**
 * Writes the fuzzer's seed corpus (and the inspector's sample files) into this folder, once: committed bytes
 * keep `npm run fuzz -- --seed S` reproducible, which key generation at run time would not.
 *
 *   npx tsx tests/fuzz/corpus/make-corpus.ts
 *
 * Certificates and keys come from openssl; the ITL (seven records as on the seed's ao115sub: CAPF and TVS as
 * CERTHASH, two SAST records, an EC TFTP record) and the signed configuration file come from src/itl's
 * builders, signed with the ao115sub CallManager key.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildItl } from '../../../src/itl/build';
import { buildSignedFile } from '../../../src/itl/sgn';
import { toPem } from '../../../src/pki/encode';
import { makeCertificate, SEED, seedItlRecords, signerFor } from '../../itl/helpers';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'fuzz-corpus-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe' });

try {
  const { records, signerCertificate } = seedItlRecords();
  const signer = await signerFor(signerCertificate, 'SHA-1');
  const itl = await buildItl({ records, signer, digest: 'SHA-1', timestamp: 1479761383, filename: 'ITLFile.tlv' });
  writeFileSync(join(here, 'ITLFile-seed-ao115sub.tlv'), itl);
  writeFileSync(join(here, 'CAPF.pem'), toPem(makeCertificate(SEED.capf).der, 'CERTIFICATE'));
  writeFileSync(join(here, 'CallManager-ao115sub.der'), signerCertificate.der);

  const config = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<device>\n  <capfAuthMode>1</capfAuthMode>\n</device>\n');
  const sgn = await buildSignedFile({ content: config, filename: 'SEP682C7B5C2342.cnf.xml.sgn', signer, digest: 'SHA-1', timestamp: 1479761400 });
  writeFileSync(join(here, 'SEP682C7B5C2342.cnf.xml.sgn'), sgn);

  // A two-certificate chain (issuing CA → phone), the same as PKCS#7, and a phone CSR.
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Lab Issuing CA/O=LSC Lab', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=SEP682C7B5C2342', '-keyout', 'phone.key', '-out', 'phone.csr']);
  openssl(['x509', '-req', '-in', 'phone.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '0x1234', '-days', '1825', '-out', 'phone.pem']);
  writeFileSync(join(here, 'chain.pem'), readFileSync(join(work, 'phone.pem'), 'utf8') + readFileSync(join(work, 'ca.pem'), 'utf8'));
  openssl(['crl2pkcs7', '-nocrl', '-certfile', 'phone.pem', '-certfile', 'ca.pem', '-outform', 'DER', '-out', 'chain.p7b']);
  writeFileSync(join(here, 'chain.p7b'), readFileSync(join(work, 'chain.p7b')));
  writeFileSync(join(here, 'SEP682C7B5C2342.csr'), readFileSync(join(work, 'phone.csr')));

  // The saved lab as src/ui/persist.ts stores it.
  const saved = {
    v: 1,
    scenario: 'seed-lab',
    seed: 1,
    start: 1774000000000,
    faults: ['dns.capf-host-missing'],
    mystery: false,
    actions: [{ at: 1774000060000, action: { type: 'cucm.phone.applyConfig', device: 'SEP682C7B5C2342' } }],
    now: 1774000120000,
  };
  writeFileSync(join(here, 'saved-lab.json'), `${JSON.stringify(saved)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
