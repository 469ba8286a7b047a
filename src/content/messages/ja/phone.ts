/** The phone's page in Japanese: the lab's own hands at the desk. */
import type en from '../en/phone';
import type { Translation } from '../format';

export default {
  'phone.replaceTitle': 'デスクでの作業：電話機本体の交換',
  'phone.replaceIntro': 'このデスクには {model} があります。ラボでは電話機本体を別のモデルに交換できます。CUCM のデバイス レコードはそのまま残り、新しい電話機は工場出荷時の状態で起動します。',
  'phone.replaceModel': '新しい電話機',
  'phone.replaceButton': '電話機本体を交換',
  'phone.replaced': '{device} は {model} になり、起動中です。',
  'phone.heading': '電話機',
  'phone.none': 'このラボには電話機 {device} がありません。',
  'phone.powerHeading': '電源',
  'phone.powerOn': '電源オン',
  'phone.powerOff': '電源オフ',
  'phone.reset': 'リセット',
  'phone.resetHelp': 'リセットは電話機の電源を入れ直します。電話機は起動し、信頼リストと設定を再度ダウンロードします。フラッシュ（ITL、MIC、LSC）は保持されます。',
  'phone.keysHeading': 'キーボード',
  'phone.keys.navigate': '上下矢印キー：ナビゲーションの上下',
  'phone.keys.select': 'Enter：選択',
  'phone.keys.back': 'Esc：戻る',
  'phone.keys.keypad': '0～9、*、#：キーパッド',
  'phone.screenText': '電話機の画面（テキスト）',
} satisfies Translation<typeof en>;
