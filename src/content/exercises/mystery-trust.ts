/** A mystery: the seed picks one of several faults in what the phone and the cluster trust. */
import { CAUSE_FIXED, EXERCISE_LOCKS, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const mysteryTrust: Exercise = {
  id: 'mystery-trust',
  version: 1,
  kind: 'mystery',
  title: {
    en: 'Mystery: a matter of trust',
    de: 'Rätsel: Eine Frage des Vertrauens',
    ja: 'ミステリー：信頼の問題',
  },
  brief: {
    en: 'The operation for {device} was saved and applied, CAPF runs, and still the phone gets no LSC. Something in what the phone or the cluster trusts is wrong. Find the cause, fix it, and let the phone finish.',
    de: 'Der Vorgang für {device} wurde gespeichert und angewendet, CAPF läuft, und trotzdem erhält das Telefon kein LSC. Etwas an dem, was das Telefon oder der Cluster als vertrauenswürdig ansieht, stimmt nicht. Finden Sie die Ursache, beheben Sie sie und lassen Sie das Telefon den Vorgang abschließen.',
    ja: '{device} の操作は保存され、適用されており、CAPF も実行されていますが、電話機は LSC を取得できません。電話機またはクラスタが信頼しているものに問題があります。原因を見つけて修正し、電話機の操作を完了させてください。',
  },
  scenario: 'seed-lab',
  pool: ['itl.phone-mismatch', 'capf.cert-expired', 'itl.corrupted', 'itl.cscus33755', 'phone.foreign-itl'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [
    CAUSE_FIXED,
    LSC_FROM_CAPF,
    UPGRADE_SUCCESS,
  ],
  hints: [
    {
      en: 'Compare what the phone holds (Security Setup > Trust List) with what the TFTP servers serve (`show itl`) and what Certificate Management lists, and read the TVS trace.',
      de: 'Vergleichen Sie, was das Telefon gespeichert hat (Security Setup > Trust List), mit dem, was die TFTP-Server ausliefern (`show itl`) und was Certificate Management auflistet, und lesen Sie den TVS-Trace.',
      ja: '電話機が保持しているもの（Security Setup > Trust List）を、TFTP サーバが配信しているもの（`show itl`）や Certificate Management の一覧と比較し、TVS のトレースを確認してください。',
    },
  ],
  hintsFromPickedFault: true,
  solution: (world, faults) => faults.flatMap((f) => f.fix(world)),
};
