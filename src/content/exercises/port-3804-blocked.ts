/** The article's troubleshooting case "Port 3804 blocked" (TAC 213295; fault `network.capf-port-blocked` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const port3804Blocked = troubleshooting({
  id: 'port-3804-blocked',
  version: 1,
  fault: 'network.capf-port-blocked',
  title: {
    en: 'Port 3804 blocked',
    de: 'Port 3804 blockiert',
    ja: 'ポート 3804 のブロック',
  },
  brief: {
    en: 'The operation for {device} was saved and applied, and CAPF runs, but the phone never gets its LSC: something between the phone and {publisher} stops the CAPF connection. Find it and open the way.',
    de: 'Der Vorgang für {device} wurde gespeichert und angewendet, und CAPF läuft, doch das Telefon erhält nie sein LSC: Etwas zwischen dem Telefon und {publisher} unterbindet die CAPF-Verbindung. Finden Sie es und geben Sie den Weg frei.',
    ja: '{device} の操作は保存され、適用されており、CAPF も実行されていますが、電話機は LSC を取得できません。電話機と {publisher} の間の何かが CAPF の接続を妨げています。それを見つけて、通信できるようにしてください。',
  },
  cause: [
    {
      id: 'port-open',
      label: {
        en: 'No firewall rule blocks TCP 3804 to {publisherIp}',
        de: 'Keine Firewall-Regel blockiert TCP 3804 zu {publisherIp}',
        ja: '{publisherIp} への TCP 3804 をブロックするファイアウォール ルールがない',
      },
      check: { check: 'network.portOpen', args: { port: 3804 } },
    },
  ],
});
