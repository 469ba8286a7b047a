/**
 * The phone's console log, in the format of its firmware generation (phone/models.ts `console`):
 *
 * - 88xx (Linux/Java firmware, domain.md §9.4): `<seq> <LVL> <Mon DD HH:MM:SS.ffffff> <source>` where the
 *   source is `process[pid]: msg` (dnsmasq) or `(pid:tid) FACILITY-msg` (SECUREAPP, JAVA-configmgr, downd).
 *   Lines marked VERBATIM are the real firmware's wording from the seed (S1) or the EMCC troubleshooting
 *   document (S14); the seed truncates some of them at the screenshot's edge, and we complete those in the
 *   same style. Unmarked lines are our wording in the firmware's style, for steps the sources do not show.
 *   Process ids change on every boot, as on a real phone.
 * - 79xx (TAC 200860): `<seq> <LVL> <HH:MM:SS.ffffff> SECD: -…` — no date, no process ids, no Java, no
 *   dnsmasq. Only the SECD facility and that line shape are sourced; the 79xx firmware's wording for each step
 *   is not, so these lines reuse the 88xx wording under short facility names of ours (`SECD:` for security,
 *   `CFG:` for configuration, `TFTP:` for downloads, `DNS:` for name resolution, `PAE:` for 802.1X).
 */
import type { LogBook, ConsoleLevel } from '../log';
import type { Random } from '../random';

interface Pids {
  dnsmasq: number;
  secureApp: string;
  configMgr: string;
  downd: string;
}

/** The phone's internal CAPF mode numbers in "Start CAPF - mode:[n]" (VERBATIM for null string: 1). */
const CAPF_START_MODE: Record<number, string> = {
  1: '2]([AUTH_STR]', // our mapping (only NULL_STR = 1 is in the seed)
  2: '1]([NULL_STR]',
  3: '3]([LSC_FIRST]',
  4: '4]([MIC_FIRST]',
};

export type ConsoleFormat = 'java' | 'legacy';

export class PhoneConsole {
  #counter: number;
  #pids!: Pids;
  #bootedAt = 0;

  constructor(
    readonly device: string,
    readonly log: LogBook,
    readonly random: Random,
    readonly format: ConsoleFormat = 'java',
  ) {
    this.#counter = random.int(100, 900);
    this.#gt = random.int(100, 900);
    this.newBoot();
  }

  get #legacy(): boolean {
    return this.format === 'legacy';
  }

  /** Processes start afresh after every boot (and a 79xx console counts its time from it). */
  newBoot(): void {
    const r = this.random;
    const pair = () => {
      const pid = r.int(300, 15000);
      return `${pid}:${pid + r.int(1, 900)}`;
    };
    this.#pids = { dnsmasq: r.int(10000, 15000), secureApp: pair(), configMgr: pair(), downd: pair() };
    this.#bootedAt = this.log.now();
  }

  /** The "[GT339]" request tag of downd's lines: one per download (its meaning is not documented). */
  #gt: number;
  #lastMs = -1;
  #lastMicros = 0;

  /** Sub-millisecond digits grow within one millisecond, as on a real console. */
  #micros(): number {
    const now = this.log.now();
    this.#lastMicros = now === this.#lastMs ? Math.min(999, this.#lastMicros + this.random.int(20, 150)) : this.random.int(0, 700);
    this.#lastMs = now;
    return this.#lastMicros;
  }

  #line(level: ConsoleLevel, text: string): void {
    this.log.phoneConsole(this.device, this.#counter++, level, text, this.#micros(), this.#legacy ? this.#bootedAt : undefined);
  }

  #secure(level: ConsoleLevel, text: string) {
    this.#line(level, this.#legacy ? `SECD: ${text}` : `(${this.#pids.secureApp}) SECUREAPP-${text}`);
  }

  #config(level: ConsoleLevel, where: string, text: string) {
    this.#line(level, this.#legacy ? `CFG: ${text}` : `(${this.#pids.configMgr}) JAVA-configmgr MQThread|${where}:? - ${text}`);
  }

  /** A download line: the 88xx downd form, or the 79xx one (none when `legacyText` is absent). */
  #downd(level: ConsoleLevel, text: string, legacyText?: string) {
    if (!this.#legacy) this.#line(level, `(${this.#pids.downd}) ${text}`);
    else if (legacyText !== undefined) this.#line(level, `TFTP: ${legacyText}`);
  }

  booted(firmware: string, ip: string, tftp: string): void {
    this.#config('NOT', 'cip.cfg.ConfigManager', `Phone load ${firmware}, IP ${ip}, TFTP server ${tftp}`);
  }

  // --- file downloads (TAC 214535; a 79xx fetches over TFTP) ---
  /**
   * 88xx (VERBATIM forms, TAC 214535): `downd-GETXXTP [GT339][src=SEP….cnf.xml][dest=…cnf.xml.59075][serv=]
   * [serv6=][sec=2]`, and for a signed file, before the transfer, `downd-XXTP Secure file requested` and
   * `downd-XXTP authenticated file approved - add .sgn if necessary -- SEP….cnf.xml.sgn`. The source shows
   * [sec=2] for the signed configuration file; [sec=0] for an unsigned file is our reading.
   */
  download(src: string, dest: string, signedFile?: string): void {
    this.#downd('NOT', `downd-GETXXTP [GT${this.#gt++}][src=${src}][dest=${dest}][serv=][serv6=][sec=${signedFile ? 2 : 0}]`, `Requesting ${signedFile ?? src} (read request, octet)`);
    if (!signedFile) return;
    this.#downd('NOT', 'downd-XXTP Secure file requested');
    this.#downd('NOT', `downd-XXTP authenticated file approved - add .sgn if necessary -- ${signedFile}`);
  }
  downloadResult(status: number, src: string): void {
    if (status === 200) {
      this.#downd('INF', 'GHTTP-hdr->HTTP/1.1 200 OK', `${src} received`); // VERBATIM 88xx (S14)
      this.#downd('NOT', 'XXTP complete - status = 100'); // VERBATIM (TAC 214535)
    } else this.#downd('ERR', `GHTTP-hdr->HTTP/1.1 ${status} Not Found [${src}]`, `${src}: File not found`);
  }
  downloadFailed(src: string, why: string): void {
    this.#downd('ERR', `downd-GETXXTP [src=${src}] failed: ${why}`, `${src} failed: ${why}`);
  }

  // --- trust list (S14) ---
  trustListHeader(padTlv: number): void {
    this.#secure('NOT', `AUTH: start of pad ('T' 0x0d) at TLV ${padTlv}`); // VERBATIM (S14)
    this.#secure('WRN', 'AUTH: hdr ver 1.2 (knows only upto 1.1)'); // VERBATIM (S14)
  }
  trustListLeapOfFaith(): void {
    this.#secure('NOT', 'Using leap of faith to accept TL file');
  }
  trustListAccepted(): void {
    this.#secure('NOT', 'updateFromFile: TL parse to table: CTL_SUCCESS'); // VERBATIM (S14)
    this.#secure('NOT', 'updateFromFile: Updating master TL table'); // VERBATIM (S14)
  }
  trustListUnchanged(): void {
    this.#secure('INF', 'updateFromFile: TL file unchanged, hashes match');
  }
  trustListRejected(reason: string): void {
    this.#secure('ERR', `updateFromFile: TL verification failed: ${reason}`);
  }
  tvsHandshake(ok: boolean): void {
    this.#secure(ok ? 'NOT' : 'ERR', ok ? 'Sec SSL Connection - Handshake successful.' : 'Sec SSL Connection - Handshake failed.'); // VERBATIM success (S14)
  }
  tvsQueryRequest(): void {
    this.#secure('NOT', 'TVS process request - processing TVS Query Certificate request.'); // VERBATIM (TAC 213407)
  }
  tvsRequestSent(bytes: number): void {
    this.#secure('NOT', `TVS process request - Successfully sent the TVS request to TVS server, bytes written : ${bytes}`); // VERBATIM (S14)
  }
  tvsVerdict(ok: boolean): void {
    this.#secure(ok ? 'NOT' : 'ERR', ok ? 'Hashes match... authentication successful.' : 'TVS did not return the certificate, authentication failed.'); // success VERBATIM (S14)
  }
  /** After the transfer: the signature check against the trust list (our wording; the source shows the request lines). */
  configSignature(ok: boolean, file: string): void {
    if (ok) this.#secure('NOT', `XXTP file ${file} signature verified, signer in trust list`);
    else this.#secure('ERR', `XXTP file ${file} signature verification failed, signer not in trust list`);
  }

  // --- DNS (VERBATIM 88xx dnsmasq, seed §9.4; a 79xx has no dnsmasq and logs only the answer) ---
  dnsQuery(name: string): void {
    if (!this.#legacy) this.#line('INF', `dnsmasq[${this.#pids.dnsmasq}]: query[A] ${name} from 127.0.0.1`);
  }
  dnsForwarded(name: string, server: string): void {
    if (!this.#legacy) this.#line('INF', `dnsmasq[${this.#pids.dnsmasq}]: forwarded ${name} to ${server}`);
  }
  dnsReply(name: string, answer: string | null): void {
    if (this.#legacy) this.#line(answer ? 'INF' : 'ERR', `DNS: ${name} is ${answer ?? 'unknown host'}`);
    else this.#line('INF', `dnsmasq[${this.#pids.dnsmasq}]: reply ${name} is ${answer ?? 'NXDOMAIN-IPv4'}`);
  }
  dnsCached(name: string, answer: string | null): void {
    if (!this.#legacy) this.#line('INF', `dnsmasq[${this.#pids.dnsmasq}]: cached ${name} is ${answer ?? 'NXDOMAIN-IPv4'}`);
  }
  dnsFailure(name: string): void {
    this.#config('WRN', 'NetUtil.traceIPv4DNSErrors', `DNS unknown IPv4 host ${name}`);
  }
  tvsResolved(name: string, address: string | null): void {
    if (address) this.#config('NOT', 'cip.sec.TvsProperty', `Resolve TVS server ${name} to ${address}`);
    else this.#config('ERR', 'cip.sec.TvsProperty', `Failed to resolve TVS server ${name}`);
  }

  // --- CAPF client (seed §9.4) ---
  certificateOperationPending(host: string): void {
    this.#config('NOT', 'cip.sec.CertificateProperty', `Certificate operation pending, CAPF server ${host}`);
  }
  capfStart(capfAuthMode: number): void {
    this.#secure('NOT', `RCAPF_START_MODE: Start CAPF - mode:[${CAPF_START_MODE[capfAuthMode] ?? `${capfAuthMode}]([UNKNOWN]`})`); // VERBATIM (S1)
    this.#secure('NOT', 'CAPF_CLNT_INIT:CAPF clnt initialized'); // VERBATIM (S1)
  }
  capfDelayTimer(seconds: number): void {
    this.#secure('NOT', `CAPFClnt: SetDelayTimer - set with value <${seconds}>`); // VERBATIM (S1)
  }
  /** Name not resolved: the TLS BIO cannot be created (VERBATIM, seed DNS lab). */
  capfBioFailed(): void {
    this.#secure('ERR', 'Sec create BIO - invalid parameter.');
    this.#secure('ERR', 'SEC_CAPF_BIO_F: CAPF create bio failed');
    this.capfOperationFailed(-7);
  }
  capfConnectFailed(errno: number, text: string): void {
    this.#secure('ERR', `Sec SSL Connection - connect() failed, errno ${errno} (${text})`);
    this.capfOperationFailed(-8);
  }
  capfNoCapfInTrustList(): void {
    this.#secure('ERR', 'CAPF: no CAPF certificate in the trust list, no valid CAPF server');
  }
  capfAskingTvs(): void {
    this.#secure('NOT', 'CAPF: server certificate is not the CAPF certificate in the trust list, asking TVS');
  }
  capfTvsRefused(reason: string): void {
    this.#secure('ERR', `CAPF: TVS did not vouch for the CAPF server certificate (${reason})`);
  }
  capfPinMismatch(): void {
    this.#secure('ERR', 'Sec SSL Connection - Handshake failed.');
    this.#secure('ERR', 'CAPF: server certificate does not match the CAPF certificate in the trust list');
    this.capfOperationFailed(-9);
  }
  capfCertificateExpired(): void {
    this.#secure('ERR', 'Sec SSL Connection - Handshake failed.');
    this.#secure('ERR', 'CAPF: server certificate has expired');
    this.capfOperationFailed(-9);
  }
  capfHandshakeOk(): void {
    this.#secure('NOT', 'Sec SSL Connection - Handshake successful.'); // VERBATIM (S14)
  }
  capfOperationFailed(ret: number): void {
    this.#secure('ERR', `SEC_CAPF_OP_F: CAPF operation failed, ret ${ret}`); // VERBATIM (S1)
  }
  capfReportFailure(status: string): void {
    this.#config('CRT', 'cip.sec.CertificateProperty$1', status);
  }
  capfMessage(direction: 'rcvd' | 'sent', command: string): void {
    this.#secure('INF', `CAPFClnt: ${direction} ${command}`);
  }
  capfKeyGeneration(description: string): void {
    this.#secure('NOT', `CAPFClnt: generating ${description} key pair, this may take a while`);
  }
  capfKeyUnsupported(description: string): void {
    this.#secure('ERR', `CAPFClnt: ${description} keys are not supported on this phone`);
  }
  capfKeyGenerated(description: string): void {
    this.#secure('NOT', `CAPFClnt: ${description} key pair generated`);
  }
  capfLscStored(): void {
    this.#secure('NOT', 'CAPFClnt: LSC stored in flash');
  }
  capfLscDeleted(): void {
    this.#secure('NOT', 'CAPFClnt: LSC deleted from flash');
  }
  capfSessionEnded(reason: string): void {
    this.#secure('NOT', `CAPFClnt: session ended by server, reason ${reason}`);
  }
  dot1xStart(certificate: 'LSC' | 'MIC'): void {
    const text = `EAP-TLS: starting 802.1X authentication with the ${certificate}`;
    this.#line('NOT', this.#legacy ? `PAE: -${text}` : `(${this.#pids.secureApp}) PAE-${text}`);
  }
  dot1xResult(ok: boolean): void {
    const text = `802.1X authentication ${ok ? 'succeeded' : 'failed'}`;
    this.#line(ok ? 'NOT' : 'ERR', this.#legacy ? `PAE: -${text}` : `(${this.#pids.secureApp}) PAE-${text}`);
  }
  resetting(why: string): void {
    this.#config('NOT', 'cip.cfg.ConfigManager', `Restarting phone: ${why}`);
  }
}
