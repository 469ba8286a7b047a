import type en from '../en/topology';
import type { Translation } from '../format';

/** The home page's topology (its device choice is the ladder's too): loaded with the first paint. */
export default {
  'pictures.ladder.allDevices': 'Alle Geräte',
  'pictures.topology.follow': 'Nachrichten verfolgen von',
} satisfies Translation<typeof en>;
