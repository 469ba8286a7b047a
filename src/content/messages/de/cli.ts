import type en from '../en/cli';
import type { Translation } from '../format';

/** The admin CLI page: the lab's own words around the node's terminal (what the node prints stays English). */
export default {
  'cli.keysHint': 'Tab vervollständigt einen Befehl, Pfeil nach oben und unten blättern im Verlauf, help listet die Befehle auf. In einer leeren Zeile springt Tab weiter.',
  'cli.choices': 'Mögliche Vervollständigungen: {choices}',
} satisfies Translation<typeof en>;
