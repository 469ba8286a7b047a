/** The article's troubleshooting case "CAPF stopped" (TAC 213295; fault `capf.service-stopped` in src/sim/faults.ts). */
import { CAPF_RUNNING, troubleshooting } from './builders';

export const capfStopped = troubleshooting({
  id: 'capf-stopped',
  version: 1,
  fault: 'capf.service-stopped',
  title: {
    en: 'CAPF stopped',
    de: 'CAPF beendet',
    ja: 'CAPF の停止',
  },
  brief: {
    en: 'The operation for {device} was saved and applied, but the phone never gets its LSC: the CAPF service on {publisher} is not running. Start it again where an administrator would, and let the phone finish.',
    de: 'Der Vorgang für {device} wurde gespeichert und angewendet, doch das Telefon erhält nie sein LSC: Der CAPF-Dienst auf {publisher} läuft nicht. Starten Sie ihn dort wieder, wo ein Administrator es täte, und lassen Sie das Telefon den Vorgang abschließen.',
    ja: '{device} の操作は保存され、適用されていますが、電話機は LSC を取得できません。{publisher} の CAPF サービスが実行されていません。管理者が行うのと同じ場所でサービスを再開し、電話機の操作を完了させてください。',
  },
  cause: [CAPF_RUNNING],
});
