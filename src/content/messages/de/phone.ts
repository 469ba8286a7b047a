import type en from '../en/phone';
import type { Translation } from '../format';

/**
 * The phone's page: the lab's own hands at the desk. "Handset" here is the whole phone, not the receiver (Hörer),
 * so German says Gerät.
 */
export default {
  'phone.replaceTitle': 'Am Schreibtisch: Gerät austauschen',
  'phone.replaceIntro': 'Auf diesem Schreibtisch steht ein {model}. Das Lab kann das Gerät gegen ein anderes Modell tauschen; der Geräteeintrag in CUCM bleibt, das neue Gerät startet im Werkszustand.',
  'phone.replaceModel': 'Neues Gerät',
  'phone.replaceButton': 'Gerät austauschen',
  'phone.replaced': '{device} ist jetzt ein {model}; es startet.',
} satisfies Translation<typeof en>;
