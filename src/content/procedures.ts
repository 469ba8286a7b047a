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
