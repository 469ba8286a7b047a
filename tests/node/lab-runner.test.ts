/**
 * `npm run lab`, as a newcomer runs it: the seed procedure in Node, with its artefacts checked by openssl.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl } from '../helpers/openssl';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dirs: string[] = [];

function lab(args: string[]) {
  return spawnSync(process.execPath, [tsx, 'src/node/lab.ts', ...args], { cwd: root, encoding: 'utf8' });
}

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-run-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run lab', () => {
  it('--procedure installs the LSC and writes the summary, certificates, ITLs, show itl and logs; openssl verifies LSC.pem against CAPF.pem', () => {
    const out = outDir();
    const r = lab(['--procedure', '--seed', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'seed-lab', seed: 3, faults: [], lsc: 'Installed', certificateOperationStatus: 'Upgrade Success', settled: true });
    for (const f of ['certificates/CAPF.pem', 'certificates/LSC.pem', 'certificates/SEP682C7B5C2342-MIC.pem', 'certificates/Cisco_Manufacturing_CA_SHA2.pem',
      'certificates/ao115pub-CallManager.pem', 'certificates/ao115sub-TVS.pem', 'itl/ao115pub.tlv', 'itl/ao115sub.tlv',
      'logs/phone-status.txt', 'logs/phone-console.txt', 'logs/capf-trace.txt']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    // The check the issue names, exactly as an engineer types it (no -attime: the lab's dates are real).
    const verify = spawnSync('openssl', ['verify', '-CAfile', 'CAPF.pem', 'LSC.pem'], { cwd: join(out, 'certificates'), encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('LSC.pem: OK');
    // The subject CUCM's CAPF writes (TAC 213407: /serialNumber=PID:CP-8861 SN:FCH18198CNQ/C=AU/O=stormin/OU=IST/CN=CP-8861-SEP…).
    const subject = spawnSync('openssl', ['x509', '-in', 'LSC.pem', '-noout', '-subject', '-nameopt', 'oneline'], { cwd: join(out, 'certificates'), encoding: 'utf8' });
    expect(subject.stdout.trim()).toMatch(/^subject=serialNumber = PID:CP-8845 SN:FCH\d{4}[0-9A-Z]{4}, C = US, O = Cisco Systems, OU = TAC, CN = CP-8845-SEP682C7B5C2342$/);
    const mic = openssl(['verify', '-CAfile', 'ca.pem', 'mic.pem'], {
      'ca.pem': readFileSync(join(out, 'certificates/Cisco_Manufacturing_CA_SHA2.pem')),
      'mic.pem': readFileSync(join(out, 'certificates/SEP682C7B5C2342-MIC.pem')),
    });
    expect(mic.stdout.trim()).toBe('mic.pem: OK');
    for (const node of ['ao115pub', 'ao115sub']) {
      const text = readFileSync(join(out, `cli/${node}-show-itl.txt`), 'utf8');
      expect(text).toMatch(/FUNCTION\s+2\s+CAPF/);
      expect(text).toContain('The ITL file was verified successfully.');
    }
    expect(readFileSync(join(out, 'logs/phone-status.txt'), 'utf8')).toMatch(/^\[\d\d:\d\d:\d\d \d\d\/\d\d\/\d\d\] ITL installed$/m);
    expect(readFileSync(join(out, 'logs/phone-console.txt'), 'utf8')).toMatch(/^\d{4} INF \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} dnsmasq\[\d+\]: query\[A\] ao115pub\.brianw2\.lab from 127\.0\.0\.1$/m);
    expect(readFileSync(join(out, 'logs/capf-trace.txt'), 'utf8')).toContain('Certificate Operation Status: Upgrade Success');
    // The phone's key goes to CAPF as the PUBLIC_KEY element, a bare SubjectPublicKeyInfo (capfc, Jabber4Linux).
    expect(readFileSync(join(out, 'logs/packet-trace.txt'), 'utf8')).toMatch(/ CAPF KEY_GENERATE_RESPONSE PUBLIC_KEY \(RSA 2048, 294-byte SubjectPublicKeyInfo\)$/m);
  });

  it('without --procedure the phone boots and no LSC is installed', () => {
    const out = outDir();
    const r = lab(['--out', out]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ lsc: 'Not Installed', certificateOperationStatus: 'None' });
    expect(existsSync(join(out, 'certificates/LSC.pem'))).toBe(false);
  });

  it('--fault dns.capf-host-missing --procedure shows the seed DNS lab\'s symptoms in the output files; --fix turns them into LSC Installed', () => {
    const broken = outDir();
    expect(lab(['--fault', 'dns.capf-host-missing', '--procedure', '--out', broken]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(broken, 'summary.json'), 'utf8'))).toMatchObject({
      faults: ['dns.capf-host-missing'],
      lsc: 'Not Installed',
      certificateOperationStatus: 'Operation Pending',
    });
    expect(readFileSync(join(broken, 'logs/phone-status.txt'), 'utf8')).toMatch(/\] DNS unknown IPv4 host PUB11\.brianw2\.lab\n/);
    expect(readFileSync(join(broken, 'logs/phone-status.txt'), 'utf8')).toMatch(/\] LSC: Connection failed\n/);
    expect(readFileSync(join(broken, 'logs/phone-console.txt'), 'utf8')).toMatch(/dnsmasq\[\d+\]: reply PUB11\.brianw2\.lab is NXDOMAIN-IPv4/);
    expect(readFileSync(join(broken, 'logs/packet-trace.txt'), 'utf8')).toMatch(/No such name A PUB11\.brianw2\.lab/);

    const fixed = outDir();
    expect(lab(['--fault', 'dns.capf-host-missing', '--procedure', '--fix', '--out', fixed]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(fixed, 'summary.json'), 'utf8'))).toMatchObject({
      beforeFix: { lsc: 'Not Installed', certificateOperationStatus: 'Operation Pending' },
      lsc: 'Installed',
      certificateOperationStatus: 'Upgrade Success',
    });
    const verify = spawnSync('openssl', ['verify', '-CAfile', 'CAPF.pem', 'LSC.pem'], { cwd: join(fixed, 'certificates'), encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('LSC.pem: OK');
  });

  it('--scenario cucm14-lab --procedure ends in Upgrade Success; the ITLs are signed by ITLRecovery and LSC.pem verifies against CAPF.pem', () => {
    const out = outDir();
    const r = lab(['--scenario', 'cucm14-lab', '--procedure', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ scenario: 'cucm14-lab', lsc: 'Installed', certificateOperationStatus: 'Upgrade Success' });
    const verify = spawnSync('openssl', ['verify', '-CAfile', 'CAPF.pem', 'LSC.pem'], { cwd: join(out, 'certificates'), encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('LSC.pem: OK');
    // 12.0+: the ITLRecovery record is the one that signed (TAC 214231).
    const itl = readFileSync(join(out, 'cli/cucm14sub-show-itl.txt'), 'utf8');
    expect(itl).toMatch(/CN=ITLRECOVERY_cucm14pub;[^\n]*\n(?:[^\n]*\n){1,8}?This etoken was used to sign the ITL file\./);
  });

  it('--scenario dot1x-lab writes the RADIUS server\'s log', () => {
    const out = outDir();
    expect(lab(['--scenario', 'dot1x-lab', '--procedure', '--out', out]).status).toBe(0);
    expect(readFileSync(join(out, 'logs/radius.txt'), 'utf8')).toMatch(/5400 Authentication failed: 12514/);
    expect(readFileSync(join(out, 'logs/radius.txt'), 'utf8')).toMatch(/5200 Authentication succeeded: CP-8845-SEP682C7B5C2342 issued by CAPF-7f0ae8d7/);
  });

  it('an unknown scenario or fault, or a missing --out, exits non-zero with a clear message', () => {
    const scenario = lab(['--scenario', 'no-such-lab', '--out', outDir()]);
    expect(scenario.status).not.toBe(0);
    expect(scenario.stderr).toContain('unknown scenario "no-such-lab"');
    const fault = lab(['--fault', 'dns.typo', '--out', outDir()]);
    expect(fault.status).not.toBe(0);
    expect(fault.stderr).toContain('unknown fault "dns.typo"');
    const noOut = lab(['--procedure']);
    expect(noOut.status).not.toBe(0);
    expect(noOut.stderr).toContain('--out DIR is required');
    const badSeed = lab(['--seed', 'abc', '--out', outDir()]);
    expect(badSeed.status).not.toBe(0);
    expect(badSeed.stderr).toContain('--seed must be an integer');
  });
});
