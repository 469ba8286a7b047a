/** The article's troubleshooting case "CAPF certificate regenerated, TFTP not restarted" (TAC 213295; fault `capf.cert-regenerated` in src/sim/faults.ts). */
import { ITLS_CARRY_CAPF, troubleshooting } from './builders';

export const capfRegenerated = troubleshooting({
  id: 'capf-regenerated',
  version: 1,
  fault: 'capf.cert-regenerated',
  title: {
    en: 'CAPF certificate regenerated, TFTP not restarted',
    de: 'CAPF-Zertifikat neu generiert, TFTP nicht neu gestartet',
    ja: 'CAPF 証明書を再生成、TFTP は未再起動',
  },
  brief: {
    en: 'Someone regenerated the CAPF certificate on {publisher}. Since then the phone {device} cannot finish its CAPF operation. Bring the cluster back in line so it can.',
    de: 'Jemand hat das CAPF-Zertifikat auf {publisher} neu generiert. Seitdem kann das Telefon {device} seinen CAPF-Vorgang nicht abschließen. Bringen Sie den Cluster wieder in einen Zustand, in dem es das kann.',
    ja: '誰かが {publisher} の CAPF 証明書を再生成しました。それ以来、電話機 {device} は CAPF の操作を完了できません。操作を完了できるよう、クラスタを正しい状態に戻してください。',
  },
  cause: [ITLS_CARRY_CAPF],
});
