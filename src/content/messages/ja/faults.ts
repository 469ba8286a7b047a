/** The Faults page in Japanese: a fault's state, and the mystery's Check. */
import type en from '../en/faults';
import type { Translation } from '../format';

export default {
  'faults.fixed': '修正済み',
  'faults.active': '発生中',
  'faults.notActive': '未発生',
  'faults.mystery.cause': '障害の原因が取り除かれている',
  'faults.mystery.lsc': '電話機が、このクラスタの CAPF が発行した LSC を保持している',
  'faults.mystery.status': 'CUCM で電話機の状態が Upgrade Success と表示されている',
  'faults.mystery.solved': 'ミステリーは解決しました。',
} satisfies Translation<typeof en>;
