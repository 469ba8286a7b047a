import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { parseItl } from '../../src/itl/parse';
import { showItl } from '../../src/itl/show';
import { verifyItl } from '../../src/itl/verify';
import { FIXTURES, SEED, fixtureBytes, makeCertificate, readParsedTxt, seedItlRecords, signerFor } from './helpers';
import { SEED_SHOW_ITL_NOT_FOUND, SEED_SHOW_ITL_RECORDS } from './seed-show-itl';

const LAST_MODIFIED = 'Mon Nov 21 16:09:43 EST 2016';

async function seedItlBytes(): Promise<Uint8Array> {
  const { records, signerCertificate } = seedItlRecords();
  return buildItl({ records, signer: await signerFor(signerCertificate), digest: 'SHA-1', timestamp: 1479761383 });
}

/** What survives the seed's web copy: no blank lines, no rule lines, single spaces. */
function collapse(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '' && !/^-+( -+)*$/.test(l));
}

/** Values that depend on the key pairs and certificate bytes made for the test, not on the layout. */
function maskKeyDependent(line: string): string {
  return line
    .replace(/^11 CERTHASH 20 (?:[0-9A-F]{2} ){19}[0-9A-F]{2}$/, '11 CERTHASH 20 <sha1>')
    .replace(/^9 CERTIFICATE \d+ (?:[0-9A-F]{2} ){20}\(SHA1 Hash HEX\)$/, '9 CERTIFICATE <der length> <sha1> (SHA1 Hash HEX)')
    .replace(/^1 RECORDLENGTH 2 (1\d{3}|9\d\d)$/, '1 RECORDLENGTH 2 <length with certificate>')
    .replace(/^8 SIGNATURE 10[0-4]$/, '8 SIGNATURE <ECDSA P-384 signature length>');
}

describe('show itl prints the seed ITL the way CUCM 11.5 does', () => {
  it('record tables, SAST trailers and the closing line match the seed excerpt line by line', async () => {
    const text = await showItl(await seedItlBytes(), { lastModified: LAST_MODIFIED });
    const ours = collapse(text.slice(text.indexOf('ITL Record #:1'))).map(maskKeyDependent);
    // The web copy of the seed misspells ISSUERNAME once (record 7, "5 ISSUERNAM 62"); CUCM prints one label.
    const seed = collapse(SEED_SHOW_ITL_RECORDS.replace('5 ISSUERNAM 62', '5 ISSUERNAME 62')).map(maskKeyDependent);
    expect(ours).toEqual(seed);
  });

  it('the lengths the mask hides still add up: RECORDLENGTH = 5 + Σ(3 + value) for every record', async () => {
    const bytes = await seedItlBytes();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const record of parsed.value.records) {
      expect(record.length).toBe(record.tlvs.slice(1).reduce((n, t) => n + 3 + t.length, 5));
    }
  });

  it('header part: checksums, length, last-modified, Version, HeaderLength and the S11 column layout', async () => {
    const bytes = await seedItlBytes();
    const lines = (await showItl(bytes, { lastModified: LAST_MODIFIED })).split('\n');
    const md5 = createHash('md5').update(bytes).digest('hex');
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    expect(lines.slice(0, 16)).toEqual([
      'The checksum value of the ITL file:',
      `${md5}(MD5)`,
      `${sha1}(SHA1)`,
      '',
      `Length of ITL file: ${bytes.length}`,
      `The ITL File was last modified on ${LAST_MODIFIED}`,
      '',
      'Parse ITL File',
      '----------------',
      '',
      'Version:        1.2',
      'HeaderLength:   456 (BYTES)',
      '',
      'BYTEPOS TAG             LENGTH  VALUE',
      '------- ---             ------  -----',
      '3       SIGNERID        2       143',
    ]);
    // Rows spaced as in S11's `show ctl`, label for label.
    expect(lines).toContain('4       SIGNERNAME      59      CN=ao115sub;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(lines).toContain('5       SERIALNUMBER    16      48:F7:D2:F3:A2:66:37:F2:DD:DF:C4:7C:E6:B9:CD:44');
    expect(lines).toContain('6       CANAME          59      CN=ao115sub;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(lines).toContain('7       SIGNATUREINFO   2       15');
    expect(lines).toContain('8       DIGESTALGORTITHM        1');
    expect(lines).toContain('9       SIGNATUREALGOINFO       2       8');
    expect(lines).toContain('10      SIGNATUREALGORTITHM     1');
    expect(lines).toContain('11      SIGNATUREMODULUS        1');
    expect(lines).toContain('12      SIGNATURE       256');
    expect(lines).toContain('14      FILENAME        12');
    expect(lines).toContain('15      TIMESTAMP       4');
    expect(lines).toContain('1       RECORDLENGTH    2       727');
    expect(lines).toContain('2       DNSNAME         2');
    expect(lines).toContain('2       DNSNAME         9       ao115sub');
    expect(lines).toContain('12      HASH ALGORITHM  1       null');
    // The header signature: 256 bytes, 8 per line, lower-case hex without leading zero, after two tab stops.
    const sigAt = lines.indexOf('12      SIGNATURE       256');
    const sigLines = lines.slice(sigAt + 1, sigAt + 33);
    expect(lines[sigAt + 33]).toBe('14      FILENAME        12');
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const printed = sigLines.flatMap((l) => {
      expect(l.startsWith('                ')).toBe(true);
      return l.trim().split(/\s+/).map((h) => parseInt(h, 16));
    });
    expect(printed).toEqual(Array.from(parsed.value.signature));
    expect(sigLines.every((l) => /^ {16}(?:[0-9a-f]{1,2} {1,3}){7}[0-9a-f]{1,2}$/.test(l))).toBe(true);
  });

  it('a node without ITL prints the seed text', async () => {
    expect(await showItl(null, { lastModified: LAST_MODIFIED })).toBe(`${SEED_SHOW_ITL_NOT_FOUND}\n`);
    expect(await showItl(new Uint8Array(0), { lastModified: LAST_MODIFIED })).toBe(`${SEED_SHOW_ITL_NOT_FOUND}\n`);
  });

  it('bytes that do not parse print the offset and "Error parsing the ITL File.", without throwing', async () => {
    const bytes = (await seedItlBytes()).slice(0, 1000); // cut inside record 1 (bytes 456–1182)
    const text = await showItl(bytes, { lastModified: LAST_MODIFIED });
    expect(text).toMatch(/^The checksum value of the ITL file:\n/);
    expect(text).toContain('Length of ITL file: 1000\n');
    expect(text).toMatch(/\n----------------\n\nError at byte offset 456: RECORDLENGTH 727 .+\nError parsing the ITL File\.\n$/);
  });

  it('a file whose signature fails still lists its records, then says it was not verified', async () => {
    const bytes = await seedItlBytes();
    bytes[bytes.length - 1] ^= 0x01;
    const text = await showItl(bytes, { lastModified: LAST_MODIFIED });
    expect(text).toContain('ITL Record #:7');
    expect(text.endsWith('\nThe ITL file was not verified successfully.\n')).toBe(true);
  });

  it('an ITL over 64 KB: the phone refuses it, CUCM still lists and verifies it (more than 39 certificates, S5)', async () => {
    const cm = makeCertificate(SEED.callManagerSub);
    const records = Array.from({ length: 41 }, (_, i) => ({
      certificate: cm.der,
      function: i === 0 ? ('SAST' as const) : ('TFTP' as const),
      form: 'certificate' as const,
    }));
    const bytes = await buildItl({ records, signer: await signerFor(cm), digest: 'SHA-1', timestamp: 1479761383 });
    expect(bytes.length).toBeGreaterThan(65536);
    const phone = parseItl(bytes);
    expect(phone.ok).toBe(false);
    if (!phone.ok) expect(phone.error.kind).toBe('file-too-large');
    const verified = await verifyItl(bytes);
    expect(verified.ok).toBe(false);
    const text = await showItl(bytes, { lastModified: LAST_MODIFIED });
    expect(text).toContain('ITL Record #:41');
    expect(text.endsWith('\nThe ITL file was verified successfully.\n')).toBe(true);
  });
});

describe('show itl prints files written by the independent tool', () => {
  for (const name of FIXTURES) {
    it(`${name}.tlv: five records, comma-joined names as written, header TLVs in file order, verified`, async () => {
      const bytes = fixtureBytes(`${name}.tlv`);
      const text = await showItl(bytes, { lastModified: 'Sun Nov 22 10:05:44 UTC 2026' });
      const lines = text.split('\n');
      const expected = readParsedTxt(`${name}.parsed.txt`);
      expect(lines).toContain('HeaderLength:   464 (BYTES)');
      expect(lines).toContain(`4       SIGNERNAME      59      ${expected.header['Signer Name']}`);
      expect(lines).toContain(`6       CANAME          59      ${expected.header['Issuer Name']}`);
      expect(lines).toContain('5       SERIALNUMBER    20      2D:C9:56:2C:9C:A6:45:BA:0A:C7:5B:39:19:C8:D4:A3:E0:B9:A8:64');
      expect(lines.indexOf('6       CANAME          59      L=Boxborough,ST=MA,CN=ao115sub,OU=TAC,O=Cisco Systems,C=US')).toBeLessThan(
        lines.findIndex((l) => l.startsWith('5       SERIALNUMBER')),
      );
      expect(lines.filter((l) => /^ITL Record #:\d$/.test(l))).toEqual([1, 2, 3, 4, 5].map((n) => `ITL Record #:${n}`));
      expect(lines.filter((l) => l.startsWith('4       FUNCTION'))).toEqual([
        '4       FUNCTION        2       System Administrator Security Token',
        '4       FUNCTION        2       TFTP',
        '4       FUNCTION        2       CAPF',
        '4       FUNCTION        2       TVS',
        '4       FUNCTION        2       TVS',
      ]);
      const certLines = lines.filter((l) => l.startsWith('9       CERTIFICATE'));
      expect(certLines).toEqual(
        expected.records.map((r) => {
          const hash = r['Certificate Hash'].toUpperCase().match(/../g)!.join(' ');
          return `9       CERTIFICATE     ${r['Certificate'].replace(' bytes', '')}     ${hash} (SHA1 Hash HEX)`;
        }),
      );
      expect(lines).toContain('3       SUBJECTNAME     64      L=Boxborough,ST=MA,CN=CAPF-7f0ae8d7,OU=TAC,O=Cisco Systems,C=US');
      expect(lines.filter((l) => l.startsWith('This etoken'))).toEqual(['This etoken was used to sign the ITL file.']);
      expect(lines.some((l) => l.includes('DNSNAME'))).toBe(false);
      expect(text.endsWith('\nThe ITL file was verified successfully.\n')).toBe(true);
    });
  }
});
