/** Share links and lab files in Japanese. */
import type en from '../en/share';
import type { Translation } from '../format';

export default {
  'share.title': 'このラボを共有',
  'share.intro': 'リンクを使用すると、このラボ（シナリオ、シード、開始時点、障害、あなたの操作）を別のブラウザで再構築できます。何もアップロードされません。ラボはリンクの中に含まれています。',
  'share.link': 'このラボへのリンク',
  'share.long': { other: 'このラボは長いため（{count} 文字）、リンクよりもラボ ファイルのほうが受け渡しが簡単です。' },
  'share.saveFile': 'ラボ ファイルとして保存',
  'share.openTitle': 'ラボ ファイルを開く',
  'share.openFile': 'ラボ ファイル',
  'share.fileTooLarge': 'ファイルが 1 MB を超えています。ラボ ファイルではありません。',
  'share.incomingTitle': '共有されたラボを開く',
  'share.summary': 'シナリオ「{scenario}」、操作 {actions} 件、到達した仮想時刻 {when}。',
  'share.summaryExercise': '演習「{exercise}」、操作 {actions} 件。',
  'share.withFaults': { other: '{count} 件の障害がある状態で開始します。' },
  'share.replaceQuestion': '現在のラボをこのラボで置き換えますか？このブラウザの現在のラボは失われます（演習のラボの場合は、その演習のラボだけが置き換えられます）。',
  'share.replace': 'ラボを置き換える',
  'share.cancel': '現在のラボを維持',
  'share.refused': 'このラボは開けません：{why}',
  'share.opening': '共有されたラボを再構築しています…',
  'share.simVersion': 'シミュレーション バージョン {made} で作成されたものです。このラボはバージョン {current} で動作しています。',
  'share.cannotOpen': '{why}',
} satisfies Translation<typeof en>;
