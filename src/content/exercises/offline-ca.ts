/**
 * The Offline CA path (Security Guide, "Certificate Authority Proxy Function"; domain.md §2.6): CAPF keeps the
 * phone's certificate signing request, an enterprise CA signs it, and the signed certificate is imported
 * (`utils capf cert import`) and handed to the phone at its next CAPF session.
 */
import { capfFormOf } from '../../sim/faults';
import { EXERCISE_LOCKS, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const offlineCa: Exercise = {
  id: 'offline-ca',
  version: 1,
  kind: 'path',
  title: { en: 'LSCs signed by your enterprise CA (Offline CA)' },
  brief: {
    en: 'Your security team wants the phones’ LSCs signed by the enterprise CA, not by CAPF. Switch CAPF to the Offline CA path, get {device}’s request signed by the enterprise CA, and deliver the certificate to the phone.',
  },
  scenario: 'seed-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [
    { id: 'lsc-from-enterprise-ca', label: { en: '{device} holds an LSC issued by the enterprise CA' }, check: { check: 'phone.lscFromEnterpriseCa' } },
    UPGRADE_SUCCESS,
  ],
  hints: [
    { en: 'Look at System > Service Parameters > Cisco Certificate Authority Proxy Function (Certificate Issuer to Endpoint), and at the Enterprise CA (Offline CA) page.' },
    { en: 'With Offline CA, CAPF keeps the phone’s certificate signing request instead of signing it. The enterprise CA has to sign that request, and CAPF has to be given the signed certificate.' },
    {
      en: 'Set Certificate Issuer to Endpoint to Offline CA, Save, and restart Cisco Certificate Authority Proxy Function. Do the procedure on {device} (Install/Upgrade, By Null String, Save, Apply Config) and wait until CAPF holds its request (`utils capf csr list`). On the Enterprise CA page sign that request (`utils capf csr dump {device}.csr` prints it), import the signed certificate for {device}, then Reset the phone.',
    },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.serviceParameters.save', capf: { ...world.env.db.capfParameters, certificateIssuerToEndpoint: 'Offline CA' } },
      { type: 'serviceability.restart', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'cucm.phone.save', device, capf: { ...capfFormOf(world, device), authenticationMode: 'By Null String' } },
      { type: 'cucm.phone.applyConfig', device },
      // The phone boots its new configuration, connects, generates its key and CAPF keeps the request.
      { wait: 3 * 60_000 },
      // The request and the signed certificate are named by role: the same steps work in every lab.
      { type: 'lab.ca.sign', csr: { blocks: [{ role: 'capf-csr', device }] } },
      { type: 'capf.offline.import', device, pem: { blocks: [{ role: 'lab-ca.issued', index: 0 }] } },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
