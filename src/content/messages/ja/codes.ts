/** Completion codes, share links and lab files in Japanese: why one is refused, and the verification's verdicts. */
import type en from '../en/codes';
import type { Translation } from '../format';

export default {
  'codes.code.empty': '完了コードが空です。',
  'codes.code.notACode': 'これは LSC Lab の完了コードではありません（完了コードは「LSC1.」で始まります）。',
  'codes.code.encoding': '完了コードに、コードには含まれない文字が含まれています。一部が欠けているか、変更されている可能性があります。',
  'codes.code.tampered': '完了コードが作成後に変更されたか、途中で切れています。チェック値が一致しません。',
  'codes.code.damaged': '完了コードが破損しているため、読み取れません。',
  'codes.code.tooLarge': '完了コードがどのラボよりもはるかに大きいため、読み込みませんでした。',
  'codes.link.empty': 'リンクにラボが含まれていません。',
  'codes.link.version': 'このリンクは別のバージョンの LSC Lab で作成されました（形式が v=1 ではありません）。',
  'codes.link.encoding': 'リンクに、ラボのリンクには含まれない文字が含まれています。一部が欠けているか、変更されている可能性があります。',
  'codes.link.tampered': 'リンクが作成後に変更されたか、途中で切れています。チェック値が一致しません。',
  'codes.link.damaged': 'リンクのラボが破損しているため、読み取れません。',
  'codes.link.tooLarge': 'リンクのラボがどのラボよりもはるかに大きいため、読み込みませんでした。',
  'codes.malformed.actions': '操作の一覧が破損しています。',
  'codes.malformed.action': '操作 {n} が破損しています（{why}）。',
  'codes.verify.unknownExercise': 'このコードは、このバージョンのラボにない演習「{exercise}」のものです。',
  'codes.verify.exerciseVersion': 'このコードは演習「{exercise}」のバージョン {made} 用に作成されました。このラボのバージョンは {current} のため、ここでは結果を確認できません。',
  'codes.verify.simVersion': 'このコードはシミュレーション バージョン {made} で作成されました。このラボはバージョン {current} で動作しているため、ここでは結果を確認できません。',
  'codes.verify.seedMismatch': 'このコードのラボは名前「{name}」に対応していません。コードの作成後に名前またはラボが変更されています。',
  'codes.verify.cannotBuild': 'このコードのラボを再構築できません：{why}',
  'codes.verify.internal': 'コードの再実行中にラボでエラーが発生しました：{why}',
  'codes.verify.solved': '解決済み',
  'codes.verify.notSolved': '未解決',
} satisfies Translation<typeof en>;
