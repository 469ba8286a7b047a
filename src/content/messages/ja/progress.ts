/** Progress files in Japanese: why one is refused. */
import type en from '../en/progress';
import type { Translation } from '../format';

export default {
  'progress.empty': 'ファイルが空です。',
  'progress.tooLarge': 'ファイルがどの進捗ファイルよりもはるかに大きいため、読み込みませんでした。',
  'progress.notJson': 'これは進捗ファイルではありません（JSON ではありません）。',
  'progress.notProgress': 'これは LSC Lab の進捗ファイルではありません。',
  'progress.newer': 'この進捗ファイルは新しいバージョンの LSC Lab で作成されました（形式 {version}）。読み込むには、ラボを更新してください。',
  'progress.older': 'この進捗ファイルの形式 {version} は古すぎるため、読み込めません。',
  'progress.damaged': '進捗ファイルが破損しています。',
  'progress.damagedEntry': 'ファイル内の演習「{exercise}」の進捗が破損しています。',
} satisfies Translation<typeof en>;
