/** The article's troubleshooting case "DNS record missing" (TAC 213295; fault `dns.capf-host-missing` in src/sim/faults.ts). */
import { DNS_RESOLVES, troubleshooting } from './builders';

export const dnsRecordMissing = troubleshooting({
  id: 'dns-record-missing',
  version: 1,
  fault: 'dns.capf-host-missing',
  title: {
    en: 'DNS record missing',
    de: 'DNS-Eintrag fehlt',
    ja: 'DNS レコードの欠落',
  },
  brief: {
    en: 'As in the article’s DNS lab: the publisher is known to the phones as {serverName}, and the operation for {device} never completes. Fix the cause, not a symptom.',
    de: 'Wie im DNS-Lab des Artikels: Die Telefone kennen den Publisher als {serverName}, und der Vorgang für {device} wird nie abgeschlossen. Beheben Sie die Ursache, nicht ein Symptom.',
    ja: '記事の DNS ラボと同じく、電話機はパブリッシャを {serverName} という名前で認識しており、{device} の操作が完了しません。症状ではなく原因を修正してください。',
  },
  cause: [DNS_RESOLVES],
});
