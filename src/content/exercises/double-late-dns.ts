/**
 * Two faults whose fix order matters: the operation's deadline has passed and the publisher's name has no
 * DNS record. With DNS fixed first, the phone reaches CAPF with a late request and the operation fails;
 * with the deadline corrected first, fixing DNS completes it.
 */
import { capfFormOf } from '../../sim/faults';
import { operationCompletesByString } from '../../sim/time';
import { DNS_RESOLVES, EXERCISE_LOCKS, LSC_FROM_CAPF, NOT_LATE, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleLateDns: Exercise = {
  id: 'double-late-dns',
  version: 1,
  kind: 'double',
  title: {
    en: 'Two faults: a late operation and a missing DNS record',
    de: 'Zwei Fehler: ein verspäteter Vorgang und ein fehlender DNS-Eintrag',
    ja: '2 つの障害：期限切れの操作と DNS レコードの欠落',
  },
  brief: {
    en: 'The phones know the publisher as {serverName}, and the operation for {device} was saved with a mistake. Fix both so that the phone’s next attempt succeeds.',
    de: 'Die Telefone kennen den Publisher als {serverName}, und der Vorgang für {device} wurde mit einer falschen Einstellung gespeichert. Beheben Sie beides, damit der nächste Versuch des Telefons gelingt.',
    ja: '電話機はパブリッシャを {serverName} という名前で認識しており、{device} の操作は誤った設定で保存されています。電話機の次の試行が成功するよう、両方を修正してください。',
  },
  scenario: 'seed-lab',
  faults: ['capf.deadline-passed', 'dns.capf-host-missing'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [DNS_RESOLVES, NOT_LATE, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    {
      en: 'Look at the phone’s status messages and DNS lookups, and at its CAPF Information in Device > Phone > {device}.',
      de: 'Sehen Sie sich die Statusmeldungen und DNS-Abfragen des Telefons sowie seine CAPF Information unter Device > Phone > {device} an.',
      ja: '電話機のステータス メッセージと DNS ルックアップ、および Device > Phone > {device} の CAPF Information を確認してください。',
    },
    {
      en: 'The DNS server has no record for {serverName}, and Operation Completes By lies in the past. Once the name resolves, CAPF refuses a late request and the operation fails.',
      de: 'Der DNS-Server hat keinen Eintrag für {serverName}, und Operation Completes By liegt in der Vergangenheit. Sobald der Name aufgelöst wird, lehnt CAPF die verspätete Anforderung ab, und der Vorgang schlägt fehl.',
      ja: 'DNS サーバに {serverName} のレコードがなく、Operation Completes By が過去の日時になっています。名前を解決できるようになると、CAPF は期限切れの要求を拒否し、操作は失敗します。',
    },
    {
      en: 'First set Operation Completes By ahead in CAPF Information, Save, Apply Config. Then add the host record {serverName} → {publisherIp} in DNS Manager and Reset the phone.',
      de: 'Setzen Sie zuerst in CAPF Information Operation Completes By in die Zukunft, dann Save, Apply Config. Fügen Sie danach in DNS Manager den Host-Eintrag {serverName} → {publisherIp} hinzu und setzen Sie das Telefon zurück (Reset).',
      ja: 'まず CAPF Information で Operation Completes By を将来の日時に設定し、Save、Apply Config をクリックします。次に DNS Manager でホスト レコード {serverName} → {publisherIp} を追加し、電話機をリセット（Reset）します。',
    },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.phone.save', device, capf: capfFormOf(world, device, { operationCompletesBy: operationCompletesByString(world.now + 2 * 3600_000, world.env.zone) }) },
      { type: 'cucm.phone.applyConfig', device },
      { type: 'dns.record.set', name: pub.serverName, address: pub.ip },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
