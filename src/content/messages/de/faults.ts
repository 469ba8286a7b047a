import type en from '../en/faults';
import type { Translation } from '../format';

/** The Faults page: a fault's state, and the mystery's Check. Upgrade Success is CUCM's status and stays English. */
export default {
  'faults.fixed': 'Behoben',
  'faults.active': 'Aktiv',
  'faults.notActive': 'Nicht aktiv',
  'faults.mystery.cause': 'Die Ursache des Fehlers ist behoben',
  'faults.mystery.lsc': 'Das Telefon hat ein LSC, das von CAPF dieses Clusters ausgestellt wurde',
  'faults.mystery.status': 'CUCM zeigt Upgrade Success für das Telefon',
  'faults.mystery.solved': 'Das Rätsel ist gelöst.',
} satisfies Translation<typeof en>;
