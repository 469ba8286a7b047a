/** The article's troubleshooting case "Operation Completes By in the past" (TAC 213295; fault `capf.deadline-passed` in src/sim/faults.ts). */
import { NOT_LATE, troubleshooting } from './builders';

export const deadlinePast = troubleshooting({
  id: 'deadline-past',
  version: 1,
  fault: 'capf.deadline-passed',
  title: {
    en: 'Operation Completes By in the past',
    de: 'Operation Completes By in der Vergangenheit',
    ja: 'Operation Completes By が過去の日時',
  },
  brief: {
    en: 'The operation for {device} was saved with a mistake, and CAPF refuses it. Correct the operation so the phone gets its LSC.',
    de: 'Der Vorgang für {device} wurde mit einer falschen Einstellung gespeichert, und CAPF lehnt ihn ab. Korrigieren Sie den Vorgang, damit das Telefon sein LSC erhält.',
    ja: '{device} の操作が誤った設定で保存されたため、CAPF が拒否しています。電話機が LSC を取得できるよう、操作を修正してください。',
  },
  cause: [NOT_LATE],
});
