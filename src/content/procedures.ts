/**
 * Reference procedures as learner actions. The seed procedure is the article's (domain.md §1 step 6):
 * Certificate Operation Install/Upgrade, Authentication Mode By Null String, Key Order and key sizes at
 * their defaults, Operation Completes By at least one hour ahead (two here), Save, then Apply Config.
 */
import type { LabAction } from '../sim/actions';
import { operationCompletesByString } from '../sim/time';
import type { LabWorld } from '../sim/world';

export function seedProcedure(world: LabWorld, device = world.env.scenario.phones[0].deviceName): LabAction[] {
  const record = world.env.db.phone(device);
  return [
    {
      type: 'cucm.phone.save',
      device,
      capf: {
        certificateOperation: 'Install/Upgrade',
        authenticationMode: 'By Null String',
        keyOrder: record?.capf.keyOrder ?? 'RSA Only',
        rsaKeySize: record?.capf.rsaKeySize ?? 2048,
        ecKeySize: record?.capf.ecKeySize ?? 384,
        operationCompletesBy: operationCompletesByString(world.now + 2 * 3600 * 1000, world.env.zone),
      },
    },
    { type: 'cucm.phone.applyConfig', device },
  ];
}
