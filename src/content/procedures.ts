/**
 * Reference procedures as learner actions. The seed procedure is the article's (domain.md §1 step 6):
 * Certificate Operation Install/Upgrade, Authentication Mode By Null String, Key Order and key sizes at
 * their defaults, Operation Completes By at least one hour ahead (two here), Save, then Apply Config.
 * `adjust` lets a fault's learner fill the section in differently (another mode, a past date …).
 */
import type { CapfForm, LabAction } from '../sim/actions';
import { operationCompletesByString } from '../sim/time';
import type { LabWorld } from '../sim/world';

export function seedProcedure(world: LabWorld, device = world.env.scenario.phones[0].deviceName, adjust: (form: CapfForm) => CapfForm = (f) => f): LabAction[] {
  const record = world.env.db.phone(device);
  const form: CapfForm = {
    certificateOperation: 'Install/Upgrade',
    authenticationMode: 'By Null String',
    keyOrder: record?.capf.keyOrder ?? 'RSA Only',
    rsaKeySize: record?.capf.rsaKeySize ?? 2048,
    ecKeySize: record?.capf.ecKeySize ?? 384,
    operationCompletesBy: operationCompletesByString(world.now + 2 * 3600 * 1000, world.env.zone),
  };
  return [
    { type: 'cucm.phone.save', device, capf: adjust(form) },
    { type: 'cucm.phone.applyConfig', device },
  ];
}

/**
 * The fleet's procedure, as a large rollout would do it (issue 13): CAPF version 3 phones are allowed EC
 * keys (System > Enterprise Parameters "Endpoint Advanced Encryption Algorithm Support", without which "EC
 * Preferred, RSA Backup" issues no LSC, Security Guide 12.5(1)SU6 "ECDSA Support for Common Criteria"), then
 * one Bulk Administration job finds every phone (Device Name is not empty) and gives each Install/Upgrade,
 * By Null String, EC Preferred, RSA Backup with EC 256 bits (RSA 2048 for phones without CAPF version 3),
 * Operation Completes By two hours ahead, and Apply Config, run immediately.
 */
export function fleetProcedure(world: LabWorld): LabAction[] {
  return [
    {
      type: 'cucm.enterpriseParameters.save',
      parameters: { ...world.env.db.enterpriseParameters, endpointAdvancedEncryptionAlgorithmSupport: true },
    },
    {
      type: 'bat.phones.update',
      query: { criteria: [{ field: 'Device Name', operator: 'is not empty', value: '' }] },
      capf: {
        certificateOperation: 'Install/Upgrade',
        authenticationMode: 'By Null String',
        uniqueAuthenticationStrings: false,
        keyOrder: 'EC Preferred, RSA Backup',
        rsaKeySize: 2048,
        ecKeySize: 256,
        operationCompletesBy: operationCompletesByString(world.now + 2 * 3600 * 1000, world.env.zone),
      },
      resetOption: 'Apply Config',
      run: 'immediately',
      description: 'Install LSCs on every phone',
    },
  ];
}
