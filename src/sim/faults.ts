/**
 * The fault catalogue (DESIGN principle 1): each fault is a change to the world — a scenario edit before the
 * lab starts, actions done to the running lab, or a different choice the learner makes in the procedure —
 * plus its documented fix, done through the same actions a learner has. No machine ever looks at a fault
 * id: the symptoms follow from the changed world. Sources: domain.md §1 (the seed's troubleshooting
 * table), §2.2–2.9, §5.6–5.7, §8 and §11 (fault catalogue, F-numbers below).
 */
import type { CapfForm, LabAction } from './actions';
import type { Scenario } from './scenario';
import { operationCompletesByString } from './time';
import type { LabWorld } from './world';
import { toPem } from '../pki/encode';

import type { FixStep } from './steps';

export { doSteps, onWorld, performSteps, type FixStep, type StepDone, type StepTarget } from './steps';

export interface Fault {
  id: string;
  title: string;
  /** Plain-language description for the faults panel: what was changed, not what the learner will see. */
  description: string;
  /*
   * Every function takes the phone the fault is aimed at (`device`, a device name of the scenario); without
   * one it is the scenario's first phone. Faults on the cluster (a stopped service, a firewall) change the
   * cluster for every phone; the phone only decides which one the fix resets and whose page is filled in.
   */
  /** Changes to the lab's starting facts (before any key is generated). */
  patchScenario?: (scenario: Scenario, device?: string) => Scenario;
  /**
   * Changes made to the running world after it has booted, as actions (so a saved lab replays them): what
   * a colleague, a firewall or a failure did to the system.
   */
  inject?: (world: LabWorld, device?: string) => FixStep[];
  /** How the learner's own procedure goes wrong (a setting chosen on the phone page). */
  procedure?: (form: CapfForm, world: LabWorld, device?: string) => CapfForm;
  /** What the learner does at the phone after the procedure (e.g. typing the authentication string). */
  afterProcedure?: (world: LabWorld, device?: string) => FixStep[];
  /** The documented fix, as the learner's steps (some depend on the world's state, hence a function). */
  fix: (world: LabWorld, device?: string) => FixStep[];
  /** Where the symptoms and the fix are documented. */
  source: string;
}

const HOUR = 3600 * 1000;
const pub = (world: LabWorld) => world.env.scenario.nodes.find((n) => n.role === 'publisher')!;
/** The phone a fault is aimed at: the one named, else the scenario's first. */
const phoneOf = (world: LabWorld, device?: string) => device ?? world.env.scenario.phones[0].deviceName;
const tftpNodes = (world: LabWorld) => world.env.scenario.nodes.filter((n) => world.env.db.isActivated(n.name, 'tftp')).map((n) => n.name);
const restartTftpEverywhere = (world: LabWorld): FixStep[] => tftpNodes(world).map((node) => ({ type: 'serviceability.restart', node, service: 'tftp' }) as LabAction);
/** The TFTP node the phone uses (DHCP option 150). */
const phoneNode = (world: LabWorld, device?: string) => {
  const phones = world.env.scenario.phones;
  return (device ? phones.find((p) => p.deviceName === device) : undefined)?.tftpNode ?? phones[0].tftpNode;
};
/** The scenario's phone a fault changes before the lab starts (left alone when the scenario has no such phone). */
const patchPhone = (s: Scenario, device: string | undefined, patch: (p: Scenario['phones'][number]) => void): Scenario => {
  const phone = device === undefined ? s.phones[0] : s.phones.find((p) => p.deviceName === device);
  if (phone) patch(phone);
  return s;
};

/** The phone page's CAPF section as it stands, with some fields changed: what a learner's Save sends. */
export function capfFormOf(world: LabWorld, device: string, changes: Partial<CapfForm> = {}): CapfForm {
  const c = world.env.db.phone(device)!.capf;
  return {
    certificateOperation: c.certificateOperation === 'No Pending Operation' ? 'Install/Upgrade' : c.certificateOperation,
    authenticationMode: c.authenticationMode,
    authenticationString: c.authenticationString,
    keyOrder: c.keyOrder,
    rsaKeySize: c.rsaKeySize,
    ecKeySize: c.ecKeySize,
    operationCompletesBy: operationCompletesByString(world.now + 2 * HOUR, world.env.zone),
    ...changes,
  };
}

/** Save the changed CAPF section and apply it: the usual second attempt after a failed operation. */
const saveAndApply = (world: LabWorld, target: string | undefined, changes: Partial<CapfForm>): FixStep[] => {
  const device = phoneOf(world, target);
  return [
    { type: 'cucm.phone.save', device, capf: capfFormOf(world, device, changes) },
    { type: 'cucm.phone.applyConfig', device },
  ];
};

const patchPublisher = (s: Scenario, patch: (n: Scenario['nodes'][number]) => void): Scenario => {
  const node = s.nodes.find((n) => n.role === 'publisher')!;
  patch(node);
  return s;
};

export const FAULTS: Fault[] = [
  {
    id: 'capf.not-activated',
    title: 'CAPF service never activated',
    description:
      'The Cisco Certificate Authority Proxy Function service was never activated on the publisher, so the ITL the TFTP servers built has no CAPF record.',
    patchScenario: (s) => patchPublisher(s, (n) => (n.activated = { ...n.activated, capf: false })),
    fix: (world, device) => [
      { type: 'serviceability.activate', node: pub(world).name, service: 'capf' },
      { wait: 10_000 },
      ...restartTftpEverywhere(world),
      { wait: 15_000 },
      { type: 'cucm.phone.reset', device: phoneOf(world, device) },
    ],
    source: 'Cisco TAC 213295 "Configure LSC on IP Phones with CUCM", "No Valid CAPF Server"',
  },
  {
    id: 'capf.service-stopped',
    title: 'CAPF service stopped',
    description: 'The Cisco Certificate Authority Proxy Function service is activated but stopped: nothing listens on TCP 3804.',
    inject: (world, device) => [{ type: 'serviceability.stop', node: pub(world).name, service: 'capf' }],
    fix: (world, device) => [{ type: 'serviceability.start', node: pub(world).name, service: 'capf' }, { wait: 10_000 }, { type: 'cucm.phone.reset', device: phoneOf(world, device) }],
    source: 'Cisco TAC 213295, "LSC: Connection Failed" (the CAPF service is stopped or deactivated)',
  },
  {
    id: 'capf.cert-regenerated',
    title: 'CAPF certificate regenerated, TFTP not restarted',
    description:
      'Someone regenerated the CAPF certificate (a new key) while the service was running; the TFTP servers were not restarted, so their ITLs still carry the old CAPF certificate.',
    inject: (world, device) => [{ type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' }],
    fix: (world, device) => [...restartTftpEverywhere(world), { wait: 15_000 }, { type: 'cucm.phone.reset', device: phoneOf(world, device) }],
    source: 'Cisco TAC 213295, "LSC: Connection Failed" (the CAPF certificate in the ITL is not the current one); CSCue55353 (regenerating the CAPF certificate resets the phones)',
  },
  {
    id: 'network.capf-port-blocked',
    title: 'Firewall blocks TCP 3804',
    description: 'A firewall between the phone and the publisher drops TCP port 3804 (CAPF) without answering.',
    inject: (world, device) => [
      {
        type: 'network.firewall.add',
        rule: { id: 'block-capf-3804', description: `deny tcp any host ${pub(world).ip} eq 3804`, transport: 'TCP', port: 3804, toIp: pub(world).ip },
      },
    ],
    fix: (world, device) => [{ type: 'network.firewall.remove', id: 'block-capf-3804' }, { type: 'cucm.phone.reset', device: phoneOf(world, device) }],
    source: 'Cisco TAC 213295, "LSC: Connection Failed" (check bidirectional traffic on TCP 3804); CUCM System Configuration Guide 14, "TCP and UDP Port Usage"',
  },
  {
    id: 'dns.capf-host-missing',
    title: 'Publisher known by a name DNS does not have',
    description:
      'As in the DNS lab of TAC 213295: the publisher is defined in System > Server as PUB11.brianw2.lab, and the DNS server has no A record for that name.',
    patchScenario: (s) => patchPublisher(s, (n) => (n.serverName = `PUB11.${s.domain}`)),
    fix: (world, device) => [
      { type: 'dns.record.set', name: `PUB11.${world.env.scenario.domain}`, address: pub(world).ip },
      { type: 'cucm.phone.reset', device: phoneOf(world, device) },
    ],
    source: 'Cisco TAC 213295, "LSC: Operation Pending", DNS lab (dnsmasq NXDOMAIN, "DNS unknown IPv4 host", "LSC: Connection failed")',
  },
  {
    id: 'capf.deadline-passed',
    title: 'Operation Completes By in the past',
    description: 'The Install/Upgrade operation is saved with an "Operation Completes By" date that has already passed.',
    procedure: (form, world) => ({ ...form, operationCompletesBy: operationCompletesByString(world.now - 2 * HOUR, world.env.zone) }),
    fix: (world, device) => saveAndApply(world, device, { operationCompletesBy: operationCompletesByString(world.now + 2 * HOUR, world.env.zone) }),
    source: 'Cisco TAC 213295, "LSC: Failed" ("Upgrade Failed: User Initiated Request Late/Timedout"); CUCM Troubleshooting Guide 12.5(1), "CAPF Error Codes" (11 CAPF_OP_FAIL_LATE_REQUEST)',
  },
  {
    id: 'auth.wrong-string',
    title: 'Wrong authentication string typed on the phone',
    description: 'The operation uses By Authentication String (135790); at the phone, someone types 246801 under Security Setup > LSC > Update.',
    procedure: (form) => ({ ...form, authenticationMode: 'By Authentication String', authenticationString: '135790' }),
    afterProcedure: (world, device) => [{ type: 'phone.lsc.submit', device: phoneOf(world, device), authenticationString: '246801' }],
    fix: (world, target) => {
      const device = phoneOf(world, target);
      return [{ type: 'phone.lsc.submit', device, authenticationString: world.env.db.phone(device)!.capf.authenticationString }];
    },
    source: 'Cisco IP Conference Phone 8832 Administration Guide, "Security" (the authentication string entered on the phone); CUCM Troubleshooting Guide 12.5(1), "CAPF Error Codes" (3 CAPF_OP_FAIL_INVALID_AUTH_STR)',
  },
  {
    id: 'auth.foreign-lsc',
    title: 'Phone holds an LSC from another cluster',
    description:
      'The phone was registered to another cluster before and still holds the LSC that cluster\'s CAPF issued; the operation uses By Existing Certificate (precedence to LSC).',
    patchScenario: (s, device) => patchPhone(s, device, (p) => (p.arrivesWith = { ...p.arrivesWith, lscFromOtherCluster: true })),
    procedure: (form) => ({ ...form, authenticationMode: 'By Existing Certificate (precedence to LSC)' }),
    fix: (world, device) => saveAndApply(world, device, { authenticationMode: 'By Existing Certificate (precedence to MIC)' }),
    source: 'Cisco TAC 200860 "Q&A for CUCM Phone Certificates (LSC/MIC)" (an LSC whose issuer is not in CAPF-trust is an invalid LSC); CUCM Troubleshooting Guide 12.5(1), "CAPF Error Codes" (4 CAPF_OP_FAIL_INVALID_LSC)',
  },
  {
    id: 'auth.mic-untrusted',
    title: 'Manufacturing CA missing from CAPF-trust',
    description: 'The Cisco Manufacturing CA certificate was deleted from CAPF-trust; the operation uses By Existing Certificate (precedence to MIC).',
    inject: (world, device) => [{ type: 'os.certificate.delete', node: pub(world).name, purpose: 'CAPF-trust', fileName: 'Cisco Manufacturing CA SHA2.pem' }],
    procedure: (form) => ({ ...form, authenticationMode: 'By Existing Certificate (precedence to MIC)' }),
    fix: (world, device) => [
      {
        type: 'os.certificate.upload',
        node: pub(world).name,
        purpose: 'CAPF-trust',
        pem: toPem(world.installed.manufacturingCa.der, 'CERTIFICATE'),
        description: 'Cisco Manufacturing CA SHA2',
      },
      { type: 'serviceability.restart', node: pub(world).name, service: 'capf' },
      { wait: 10_000 },
      { type: 'cucm.phone.applyConfig', device: phoneOf(world, device) },
    ],
    source: 'CUCM Security Guide 12.5(1)SU1, "Phone Security Profile Setup" (By Existing Certificate); CUCM Troubleshooting Guide 12.5(1), "CAPF Error Codes" (5 CAPF_OP_FAIL_INVALID_MIC)',
  },
  {
    id: 'itl.phone-mismatch',
    title: 'Phone still holds the old ITL',
    description:
      'While CAPF was stopped its certificate was regenerated; CAPF and every TFTP service were restarted, but the phone was not reset, so it still holds the ITL with the old CAPF certificate.',
    inject: (world, device) => [
      { type: 'serviceability.stop', node: pub(world).name, service: 'capf' },
      { type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' },
      { type: 'serviceability.start', node: pub(world).name, service: 'capf' },
      ...restartTftpEverywhere(world),
    ],
    fix: (world, device) => [{ type: 'cucm.phone.reset', device: phoneOf(world, device) }],
    source: 'Cisco TAC 213295, "LSC: Operation Pending" (the ITL on the phone differs from the one on the TFTP servers)',
  },
  {
    id: 'itl.corrupted',
    title: 'Corrupt ITL on the phone\'s TFTP server',
    description:
      'The CAPF certificate was regenerated (with CAPF stopped) and Cisco TFTP restarted everywhere, but the ITL file the phone\'s TFTP server now serves was damaged on disk; then the phone was reset.',
    inject: (world, device) => [
      { type: 'serviceability.stop', node: pub(world).name, service: 'capf' },
      { type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' },
      { type: 'serviceability.start', node: pub(world).name, service: 'capf' },
      ...restartTftpEverywhere(world),
      { wait: 15_000 },
      { type: 'lab.itl.corrupt', node: phoneNode(world, device) },
      { type: 'cucm.phone.reset', device: phoneOf(world, device) },
    ],
    fix: (world, device) => [
      { type: 'cli', node: pub(world).name, command: 'utils itl reset localkey' },
      { type: 'cucm.enterpriseParameters.reset' },
      { wait: 120_000 },
      ...restartTftpEverywhere(world),
      { wait: 15_000 },
      { type: 'cucm.enterpriseParameters.reset' },
    ],
    source: 'Cisco TAC 213295 "LSC: Operation Pending" (corrupt ITL: utils itl reset localkey); Security Guide for CUCM 14, "Default Security" (ITL recovery: Enterprise Parameters Reset, Cisco TFTP restart)',
  },
  {
    id: 'itl.cscus33755',
    title: 'Database replication broken (CSCus33755)',
    description:
      'Database replication to the subscriber is broken and the CAPF certificate was regenerated while CAPF was stopped; the subscriber\'s TFTP restarted and could not build an ITL.',
    inject: (world, device) => [
      { type: 'lab.database.replication', healthy: false },
      { type: 'serviceability.stop', node: pub(world).name, service: 'capf' },
      { type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' },
      { type: 'serviceability.start', node: pub(world).name, service: 'capf' },
      ...restartTftpEverywhere(world),
    ],
    fix: (world, device) => [
      { type: 'cli', node: pub(world).name, command: 'utils dbreplication reset all' },
      { type: 'serviceability.restart', node: phoneNode(world, device), service: 'tftp' },
      { wait: 15_000 },
      { type: 'cucm.phone.reset', device: phoneOf(world, device) },
    ],
    source: 'Cisco TAC 213295, "LSC: Operation Pending"; CSCus33755 (show itl "ITL File not found", utils itl reset localkey "Unable to determine the active and running TFTP nodes")',
  },
  {
    id: 'tvs.down',
    title: 'TVS stopped where the phone asks',
    description:
      'The CAPF certificate was regenerated while CAPF was stopped and the TFTP servers were not restarted, so the phone\'s ITL still holds the old one and only TVS could vouch for the new one — and Cisco Trust Verification Service is stopped on the publisher, the TVS server the phone asks.',
    inject: (world, device) => [
      { type: 'serviceability.stop', node: pub(world).name, service: 'tvs' },
      { type: 'serviceability.stop', node: pub(world).name, service: 'capf' },
      { type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' },
      { type: 'serviceability.start', node: pub(world).name, service: 'capf' },
    ],
    fix: (world, device) => [{ type: 'serviceability.start', node: pub(world).name, service: 'tvs' }, { wait: 5_000 }, { type: 'cucm.phone.reset', device: phoneOf(world, device) }],
    source: 'Cisco TAC 213295 "LSC: Operation Pending" (phones cannot authenticate because of a TVS problem); Security Guide for CUCM 14, "Default Security" (TVS vouches for certificates the ITL does not hold)',
  },
  {
    id: 'phone.keygen-timeout',
    title: 'Key generation outlasts CAPF',
    description:
      'The phone is an older CP-7965. It generates keys at low priority, and a 2048-bit RSA key — the size the procedure leaves at its default — takes it longer than CAPF waits; 3072 and 4096 bits it cannot make at all.',
    patchScenario: (s, device) => patchPhone(s, device, (p) => (p.model = 'CP-7965')),
    procedure: (form) => ({ ...form, keyOrder: 'RSA Only', rsaKeySize: 2048 }),
    fix: (world, device) => saveAndApply(world, device, { keyOrder: 'RSA Only', rsaKeySize: 1024 }),
    source: 'Cisco Unified CM System Configuration Guide 12.5, "Configure CAPF" (key generation runs at low priority and can take 30 minutes or more); AXL status "Upgrade Failed: Key Generation Failed/Timeout"',
  },
  {
    id: 'capf.ec-only-unsupported',
    title: 'EC Only for a phone without CAPF v3',
    description: 'The phone is a CP-7965, whose firmware speaks CAPF version 2; the operation asks for EC Only.',
    patchScenario: (s, device) => patchPhone(s, device, (p) => (p.model = 'CP-7965')),
    procedure: (form) => ({ ...form, keyOrder: 'EC Only' }),
    // RSA Only at 1024 bits: a 7965 takes longer than CAPF waits for a 2048-bit key (phone.keygen-timeout).
    fix: (world, device) => saveAndApply(world, device, { keyOrder: 'RSA Only', rsaKeySize: 1024 }),
    source: 'CUCM Security Guide 12.5(1)SU6, "ECDSA Support for Common Criteria" (EC keys need CAPF version 3); AXL status "Upgrade Failed: No Support for EC only in CAPF version 3"',
  },
  {
    id: 'capf.cert-expired',
    title: 'CAPF certificate expired',
    description: 'The CAPF certificate expired a month ago and was never regenerated (the first check in TAC 213295).',
    patchScenario: (s) => ({ ...s, capfExpiredDaysAgo: 30 }),
    fix: (world, device) => [
      { type: 'os.certificate.regenerate', node: pub(world).name, purpose: 'CAPF' },
      ...restartTftpEverywhere(world),
      { wait: 15_000 },
      { type: 'cucm.phone.reset', device: phoneOf(world, device) },
    ],
    source: 'Cisco TAC 213295, configuration step 1 (check Validity From and To of the CAPF certificate in Certificate Management)',
  },
  {
    id: 'phone.no-sbd',
    title: 'A 7960 on the desk',
    description:
      'The phone is a Cisco 7960: it does not support Security By Default (no ITL), so it has no CAPF certificate to trust in a non-secure cluster — the procedure of TAC 213295 cannot work for it. The fix swaps the handset for a CP-8845 (same device record).',
    patchScenario: (s, device) => patchPhone(s, device, (p) => (p.model = 'CP-7960')),
    fix: (world, device) => [{ type: 'lab.phone.replace', device: phoneOf(world, device), model: 'CP-8845' }],
    source: 'Cisco TAC 213295, "Components Used" (the 7940 and 7960 do not support Security By Default)',
  },
  {
    id: 'phone.foreign-itl',
    title: 'Phone moved from another cluster',
    description: 'The phone was registered to another cluster before and still holds that cluster\'s ITL; its TVS server is the old cluster\'s.',
    patchScenario: (s, device) => patchPhone(s, device, (p) => (p.arrivesWith = { ...p.arrivesWith, itlFromOtherCluster: true })),
    fix: (world, target) => {
      const device = phoneOf(world, target);
      return [
        // The operation waited while the phone could not register; give it a fresh deadline first.
        { type: 'cucm.phone.save', device, capf: capfFormOf(world, device) },
        { type: 'phone.trustList.erase', device },
        { type: 'phone.reset', device },
      ];
    },
    source: 'CUCM Security Guide 14, "Default Security" (a phone from another cluster: erase its ITL); Cisco Community "Phone Registration Problem" ("authenticated fail. Reason:14")',
  },
];

export function findFault(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id);
}

/** A fault aimed at one phone of the lab (`--fault ID@DEVICE`); without a device, the scenario's first phone. */
export interface AimedFault {
  fault: Fault;
  device?: string;
}

/** A fault, or a fault aimed at a phone: what the functions below take. */
export type FaultChoice = Fault | AimedFault;

export function aimed(choice: FaultChoice): AimedFault {
  return 'fault' in choice ? choice : { fault: choice };
}

/**
 * `ID` or `ID@DEVICE` (the runner's `--fault`): the fault and the phone it is aimed at, or why not. The
 * device must be one of the scenario's phones (of the fleet, once grown).
 */
export function parseFaultChoice(text: string, phones: readonly string[]): { ok: true; value: AimedFault } | { ok: false; error: string } {
  const at = text.indexOf('@');
  const id = at < 0 ? text : text.slice(0, at);
  const device = at < 0 ? undefined : text.slice(at + 1).toUpperCase();
  const fault = findFault(id);
  if (!fault) return { ok: false, error: `unknown fault "${id}"; known: ${FAULTS.map((f) => f.id).join(', ')}` };
  if (device !== undefined && !phones.includes(device)) {
    return { ok: false, error: `fault ${id}: there is no phone "${text.slice(at + 1)}" in this lab (phones: ${phones.slice(0, 5).join(', ')}${phones.length > 5 ? ', …' : ''})` };
  }
  return { ok: true, value: { fault, device } };
}

/** A scenario with every selected fault's starting changes applied, in order, each to its phone. */
export function applyScenarioFaults(scenario: Scenario, faults: readonly FaultChoice[]): Scenario {
  return faults.map(aimed).reduce((s, { fault, device }) => (fault.patchScenario ? fault.patchScenario(structuredClone(s), device) : s), scenario);
}

/**
 * The seed procedure's CAPF section as each fault's learner would fill it in. With `device`, only the faults
 * aimed at that phone change it (a fault aimed nowhere is aimed at the first phone).
 */
export function procedureForm(world: LabWorld, faults: readonly FaultChoice[], form: CapfForm, device?: string): CapfForm {
  const first = world.env.scenario.phones[0]?.deviceName;
  return faults
    .map(aimed)
    .filter((f) => device === undefined || (f.device ?? first) === device)
    .reduce((f, { fault, device: target }) => (fault.procedure ? fault.procedure(f, world, target) : f), form);
}

