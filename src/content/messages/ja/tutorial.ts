/** The guided tutorials in Japanese. */
import type en from '../en/tutorial';
import type { Translation } from '../format';

export default {
  'tutorial.title': 'チュートリアル',
  'tutorial.intro': '実際に動作するラボを使った 2 つのガイド付きチュートリアルです。開いたチュートリアルはどのページでも横に表示されたままになるため、進行状況を見失うことはありません。',
  'tutorial.open': 'このチュートリアルを開く',
  'tutorial.opened': 'ページの横に表示中',
  'tutorial.close': 'チュートリアルを閉じる',
  'tutorial.done': '完了',
  'tutorial.notYet': '未完了',
  'tutorial.complete': 'チュートリアル完了',
  'tutorial.stepsDone': '{total} ステップ中 {count} ステップ完了',
  'tutorial.why': '理由',
  'tutorial.where': '場所',
  'tutorial.expect': '確認すべき結果',
  'tutorial.go': 'ページを開く',
  'tutorial.goNamed': 'ページを開く：{title}',
  'tutorial.openNamed': 'このチュートリアルを開く：{title}',
  'tutorial.inExercise': '現在、演習中です。チュートリアルはこの演習のラボを参照しています。自由に使えるラボでチュートリアルを進めるには、演習を終了してください。',
  'tutorial.panel': 'チュートリアル',
  'tutorial.current': '次のステップ',
  'tutorial.panelHeading': '{panel}：{title}',
} satisfies Translation<typeof en>;
