/** The article's troubleshooting case "TVS down" (TAC 213295; fault `tvs.down` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const tvsDown = troubleshooting({
  id: 'tvs-down',
  version: 1,
  fault: 'tvs.down',
  title: {
    en: 'TVS down',
    de: 'TVS ausgefallen',
    ja: 'TVS の停止',
  },
  brief: {
    en: 'The CAPF certificate was regenerated while CAPF was stopped, and since then the phone {device} does not get its LSC. Find the service it needs to trust the new CAPF certificate and bring it back.',
    de: 'Das CAPF-Zertifikat wurde neu generiert, während CAPF beendet war, und seitdem erhält das Telefon {device} sein LSC nicht. Finden Sie den Dienst, den es braucht, um dem neuen CAPF-Zertifikat zu vertrauen, und bringen Sie ihn wieder zum Laufen.',
    ja: 'CAPF の停止中に CAPF 証明書が再生成され、それ以来、電話機 {device} は LSC を取得できません。電話機が新しい CAPF 証明書を信頼するために必要なサービスを見つけて、復旧させてください。',
  },
  cause: [
    {
      id: 'tvs-running',
      label: {
        en: 'Cisco Trust Verification Service is running on {publisher}',
        de: 'Cisco Trust Verification Service läuft auf {publisher}',
        ja: '{publisher} で Cisco Trust Verification Service が実行されている',
      },
      check: { check: 'service.running', args: { service: 'tvs' } },
    },
  ],
});
