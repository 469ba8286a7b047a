/**
 * The guided tutorials (issue: "The guided tutorial"), as data: each step says why (what CAPF, the ITL, TVS and
 * the LSC are for), where to click (the menu path and a link to the page) and what to expect, and when it is
 * done. Steps that change the world are done when the world shows it — however the learner did it (a page,
 * the CLI, a replayed lab) — and undone when the world no longer does (a reset). Steps that only look are done
 * when the learner opened that page, ran that command or saved that file (learner events, kept with the lab).
 */
import type { CheckRef } from '../checks';
import type { ExerciseText } from '../exercises/types';
import type { LabAction } from '../../sim/actions';

export type DoneRule =
  | { check: CheckRef }
  /** A page opened (params may name the lab's facts: "{publisher}"). */
  | { looked: { path: string; params?: Record<string, string> } }
  /** An admin CLI command the learner ran, on every TFTP node or on the publisher. */
  | { ran: { command: string; on: 'tftp-nodes' | 'publisher' } }
  /** A file saved from the lab, by the end of its name ("CAPF.pem"). */
  | { downloaded: string }
  /** Something the lab's history holds (the learner's or a fault's action), e.g. CAPF stopped. */
  | { did: { type: LabAction['type']; match?: Record<string, string> } }
  | { all: readonly DoneRule[] }
  | { any: readonly DoneRule[] };

export interface TutorialStep {
  id: string;
  title: ExerciseText;
  /** What this step is for, in the real system. */
  why: ExerciseText;
  /** The menu path, as the product names it. */
  where: ExerciseText;
  /** A link that opens the page. */
  link?: { path: string; params?: Record<string, string> };
  expect: ExerciseText;
  done: DoneRule;
}

export interface Tutorial {
  id: string;
  title: ExerciseText;
  intro: ExerciseText;
  steps: readonly TutorialStep[];
}

export const INSTALL_TUTORIAL: Tutorial = {
  id: 'install-lsc',
  title: { en: 'Install an LSC, step by step (TAC 213295)' },
  intro: {
    en: 'The procedure of Cisco’s article 213295 on the live lab. Each step says why it matters, where to click and what you should see. A step is marked Done when the lab shows it — however you did it.',
  },
  steps: [
    {
      id: 'capf-certificate',
      title: { en: 'Check the CAPF certificate' },
      why: { en: 'CAPF (Certificate Authority Proxy Function) signs the phones’ LSCs with its own certificate. The phone trusts CAPF only if that certificate is valid and is the one in its trust list, so the article starts by checking it.' },
      where: { en: 'Cisco Unified OS Administration > Security > Certificate Management > Find > CAPF.pem of {publisher}' },
      link: { path: '/os/certificate', params: { node: '{publisher}', purpose: 'CAPF', file: 'CAPF.pem' } },
      expect: { en: 'Certificate Details for the CAPF certificate: read Validity From and To — it must not have expired.' },
      done: { looked: { path: '/os/certificate', params: { node: '{publisher}', purpose: 'CAPF' } } },
    },
    {
      id: 'show-itl',
      title: { en: 'Find the CAPF record in the ITL of every TFTP server' },
      why: { en: 'The phone downloads the ITL (Identity Trust List) from its TFTP server. The ITL’s CAPF record is what the phone later compares the CAPF server’s certificate with: without it, or with an old one, the phone will not talk to CAPF.' },
      where: { en: 'Admin CLI of each TFTP node (here {publisher} and {phoneTftp}): show itl' },
      link: { path: '/cli', params: { node: '{phoneTftp}' } },
      expect: { en: 'A record whose FUNCTION is CAPF, with the same serial number as the CAPF certificate, on every node; the output ends “The ITL file was verified successfully.”' },
      done: { ran: { command: 'show itl', on: 'tftp-nodes' } },
    },
    {
      id: 'capf-information',
      title: { en: 'Fill in CAPF Information on the phone’s page, and Save' },
      why: { en: 'CUCM tells the phone what to do with its certificate through the phone’s configuration: Install/Upgrade asks it to get an LSC (Locally Significant Certificate), and the authentication mode says how CAPF checks that the phone is genuine.' },
      where: { en: 'Cisco Unified CM Administration > Device > Phone > Find > {device} > Certification Authority Proxy Function (CAPF) Information' },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: { en: 'Certificate Operation Install/Upgrade, Authentication Mode By Null String, the key settings as they are, Operation Completes By at least an hour ahead; after Save, Certificate Operation Status reads Operation Pending.' },
      done: { check: { check: 'phone.operationSaved', args: { authenticationMode: 'By Null String' } } },
    },
    {
      id: 'apply-config',
      title: { en: 'Apply Config' },
      why: { en: 'Saving changes only the database. Apply Config makes CUCM tell the phone to fetch its configuration again, which now carries the CAPF operation.' },
      where: { en: 'The same page: Apply Config, then OK' },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: { en: 'The phone downloads its configuration file and starts a CAPF session by itself.' },
      done: { check: { check: 'phone.configHasOperation' } },
    },
    {
      id: 'watch',
      title: { en: 'Watch the phone get its LSC' },
      why: { en: 'The phone resolves the CAPF server’s name, opens TCP 3804, checks the server against the ITL, generates a key pair and receives its LSC, signed by CAPF. Each step leaves a trace; reading them is how you troubleshoot later.' },
      where: { en: 'Logs (the phone’s status messages, the CAPF trace) and Message trace (the CAPF exchange on the wire)' },
      link: { path: '/logs' },
      expect: { en: 'Status messages go from the configuration download to the LSC; the message trace shows AUTH_REQUEST … STORE_CERTIFICATE … END_SESSION; the LSC field goes from Pending to Installed. Speed the clock up (60×) if you like.' },
      done: { all: [{ looked: { path: '/logs' } }, { looked: { path: '/trace' } }, { check: { check: 'phone.lscFromThisCapf' } }] },
    },
    {
      id: 'verify',
      title: { en: 'Verify it like an engineer' },
      why: { en: 'An LSC is only useful if others can check it: 802.1X, VPN or secure registration trust it because it chains to this cluster’s CAPF certificate.' },
      where: { en: 'On the phone: Applications > Admin Settings > Security Setup (LSC Installed); in CUCM the phone’s Certificate Operation Status; Downloads: CAPF.pem and LSC.pem' },
      link: { path: '/downloads' },
      expect: { en: 'LSC Installed on the phone, Upgrade Success in CUCM; then on your own computer: openssl verify -CAfile CAPF.pem LSC.pem answers “LSC.pem: OK”.' },
      done: {
        all: [{ looked: { path: '/phone' } }, { check: { check: 'phone.operationStatus', args: { status: 'Upgrade Success' } } }, { downloaded: 'CAPF.pem' }, { downloaded: 'LSC.pem' }],
      },
    },
  ],
};

export const TROUBLESHOOT_TUTORIAL: Tutorial = {
  id: 'troubleshoot',
  title: { en: 'Troubleshoot a failing LSC' },
  intro: {
    en: 'Break the lab on purpose, read the symptom, find the cause in the logs and fix it — the way you will on a real cluster. The fault here is one of the article’s: the CAPF service stopped.',
  },
  steps: [
    {
      id: 'break',
      title: { en: 'Break it: stop CAPF' },
      why: { en: 'A fault is a change to the world; the phone then fails for the real reason. Here nothing will answer the phone on TCP 3804.' },
      where: { en: 'Faults > CAPF service stopped > Inject (or stop Cisco Certificate Authority Proxy Function yourself in Control Center - Feature Services)' },
      link: { path: '/faults' },
      expect: { en: 'The service shows as stopped; the lab keeps running.' },
      done: { did: { type: 'serviceability.stop', match: { service: 'capf' } } },
    },
    {
      id: 'procedure',
      title: { en: 'Ask the phone for an LSC' },
      why: { en: 'With the operation saved and applied, the phone tries to reach CAPF by itself — and fails.' },
      where: { en: 'Cisco Unified CM Administration > Device > Phone > {device}: CAPF Information Install/Upgrade, By Null String, Save, Apply Config' },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: { en: 'Certificate Operation Status stays Operation Pending.' },
      done: { check: { check: 'phone.configHasOperation' } },
    },
    {
      id: 'symptom',
      title: { en: 'Read the symptom' },
      why: { en: 'The phone reports what it sees, not why: its status messages are where every investigation starts.' },
      where: { en: 'Logs > phone status messages (or on the phone: Settings > Status > Status Messages)' },
      link: { path: '/logs' },
      expect: { en: 'A status message about the LSC connection, repeated as the phone retries every 30 seconds.' },
      done: { any: [{ looked: { path: '/logs' } }, { looked: { path: '/phone' } }] },
    },
    {
      id: 'cause',
      title: { en: 'Find the cause' },
      why: { en: 'The phone’s console log shows its connection to TCP 3804 being refused; the question is why nothing listens there.' },
      where: { en: 'Admin CLI of {publisher}: utils service list — or Cisco Unified Serviceability > Tools > Control Center - Feature Services' },
      link: { path: '/cli', params: { node: '{publisher}' } },
      expect: { en: 'Cisco Certificate Authority Proxy Function is STOPPED.' },
      done: { any: [{ ran: { command: 'utils service list', on: 'publisher' } }, { looked: { path: '/serviceability/feature' } }] },
    },
    {
      id: 'fix',
      title: { en: 'Fix it and let the phone finish' },
      why: { en: 'Starting the service removes the cause; a reset makes the phone try again at once instead of waiting.' },
      where: { en: 'Control Center - Feature Services on {publisher}: Start; then Device > Phone > {device} > Reset' },
      link: { path: '/serviceability/feature' },
      expect: { en: 'The phone connects, gets its LSC, and CUCM shows Upgrade Success.' },
      done: {
        all: [
          { did: { type: 'serviceability.stop', match: { service: 'capf' } } },
          { check: { check: 'service.running', args: { service: 'capf' } } },
          { check: { check: 'phone.lscFromThisCapf' } },
          { check: { check: 'phone.operationStatus', args: { status: 'Upgrade Success' } } },
        ],
      },
    },
  ],
};

export const TUTORIALS: readonly Tutorial[] = [INSTALL_TUTORIAL, TROUBLESHOOT_TUTORIAL];

export function findTutorial(id: string): Tutorial | undefined {
  return TUTORIALS.find((t) => t.id === id);
}
