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
  'phone.heading': 'Telefon',
  'phone.none': 'In diesem Lab gibt es kein Telefon {device}.',
  'phone.powerHeading': 'Stromversorgung',
  'phone.powerOn': 'Einschalten',
  'phone.powerOff': 'Ausschalten',
  'phone.reset': 'Zurücksetzen',
  'phone.resetHelp': 'Zurücksetzen schaltet das Telefon aus und wieder ein: Es startet und lädt seine Vertrauensliste und Konfiguration erneut. Sein Flash-Speicher (ITL, MIC, LSC) bleibt erhalten.',
  'phone.keysHeading': 'Tastatur',
  'phone.keys.navigate': 'Pfeil nach oben/unten: Navigation nach oben/unten',
  'phone.keys.select': 'Eingabetaste: Auswählen',
  'phone.keys.back': 'Esc: Zurück',
  'phone.keys.keypad': '0–9, *, #: Wähltastatur',
  'phone.screenText': 'Telefonanzeige als Text',
} satisfies Translation<typeof en>;
