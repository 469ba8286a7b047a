/** The phone's page in Japanese: the lab's own hands at the desk. */
import type en from '../en/phone';
import type { Translation } from '../format';

export default {
  'phone.replaceTitle': 'デスクでの作業：電話機本体の交換',
  'phone.replaceIntro': 'このデスクには {model} があります。ラボでは電話機本体を別のモデルに交換できます。CUCM のデバイス レコードはそのまま残り、新しい電話機は工場出荷時の状態で起動します。',
  'phone.replaceModel': '新しい電話機',
  'phone.replaceButton': '電話機本体を交換',
  'phone.replaced': '{device} は {model} になり、起動中です。',
} satisfies Translation<typeof en>;
