/** The admin CLI page in Japanese: the lab's own words around the node's terminal (what the node prints stays English). */
import type en from '../en/cli';
import type { Translation } from '../format';

export default {
  'cli.keysHint': 'Tab キーでコマンドを補完し、上下の矢印キーで履歴をたどります。help でコマンドの一覧を表示します。空の行で Tab キーを押すと、次の要素に移動します。',
  'cli.choices': '補完候補：{choices}',
} satisfies Translation<typeof en>;
