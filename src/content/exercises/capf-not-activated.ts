/** The article's troubleshooting case "CAPF not activated" (TAC 213295; fault `capf.not-activated` in src/sim/faults.ts). */
import { CAPF_ACTIVATED, ITLS_CARRY_CAPF, troubleshooting } from './builders';

export const capfNotActivated = troubleshooting({
  id: 'capf-not-activated',
  version: 1,
  fault: 'capf.not-activated',
  title: {
    en: 'CAPF not activated',
    de: 'CAPF nicht aktiviert',
    ja: 'CAPF がアクティブ化されていない',
  },
  brief: {
    en: 'The operation for {device} was saved and applied, but the phone never gets its LSC. In this cluster the Cisco Certificate Authority Proxy Function service was never activated. Make it work the documented way.',
    de: 'Der Vorgang für {device} wurde gespeichert und angewendet, doch das Telefon erhält nie sein LSC. In diesem Cluster wurde der Dienst Cisco Certificate Authority Proxy Function nie aktiviert. Bringen Sie es auf dem dokumentierten Weg zum Laufen.',
    ja: '{device} の操作は保存され、適用されていますが、電話機は LSC を取得できません。このクラスタでは Cisco Certificate Authority Proxy Function サービスが一度もアクティブ化されていません。ドキュメントに記載された方法で動作するようにしてください。',
  },
  cause: [CAPF_ACTIVATED, ITLS_CARRY_CAPF],
});
