/** The home page's topology in Japanese (its device choice is the ladder's too): loaded with the first paint. */
import type en from '../en/topology';
import type { Translation } from '../format';

export default {
  'pictures.ladder.allDevices': 'すべてのデバイス',
  'pictures.topology.follow': 'メッセージを追跡するデバイス',
} satisfies Translation<typeof en>;
