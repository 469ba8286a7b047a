/** The article's troubleshooting case "ITL mismatch" (TAC 213295; fault `itl.phone-mismatch` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const itlMismatch = troubleshooting({
  id: 'itl-mismatch',
  version: 1,
  fault: 'itl.phone-mismatch',
  title: {
    en: 'ITL mismatch',
    de: 'ITL-Datei stimmt nicht überein',
    ja: 'ITL ファイルの不一致',
  },
  brief: {
    en: 'The CAPF certificate was regenerated while CAPF was stopped; CAPF and TFTP were restarted afterwards. The phone {device} still cannot finish its CAPF operation. Find what it still holds and fix it.',
    de: 'Das CAPF-Zertifikat wurde neu generiert, während CAPF beendet war; CAPF und TFTP wurden danach neu gestartet. Das Telefon {device} kann seinen CAPF-Vorgang trotzdem nicht abschließen. Finden Sie heraus, was es noch gespeichert hat, und beheben Sie den Fehler.',
    ja: 'CAPF の停止中に CAPF 証明書が再生成され、その後 CAPF と TFTP が再起動されました。それでも電話機 {device} は CAPF の操作を完了できません。電話機にまだ残っているものを見つけて修正してください。',
  },
  cause: [
    {
      id: 'phone-itl-current',
      label: {
        en: 'The trust list on {device} carries the CAPF certificate CAPF uses now',
        de: 'Die Vertrauensliste auf {device} enthält das CAPF-Zertifikat, das CAPF derzeit verwendet',
        ja: '{device} の信頼リストに、CAPF が現在使用している CAPF 証明書が含まれている',
      },
      check: { check: 'phone.itlCarriesCurrentCapf' },
    },
  ],
});
