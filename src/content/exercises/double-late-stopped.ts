/**
 * Two faults whose fix order matters: the operation's deadline has passed and CAPF is stopped. Started
 * first, CAPF answers the phone's next attempt with a late-request failure; corrected first, the operation
 * succeeds as soon as CAPF runs.
 */
import { capfFormOf } from '../../sim/faults';
import { operationCompletesByString } from '../../sim/time';
import { CAPF_RUNNING, EXERCISE_LOCKS, LSC_FROM_CAPF, NOT_LATE, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleLateStopped: Exercise = {
  id: 'double-late-stopped',
  version: 1,
  kind: 'double',
  title: {
    en: 'Two faults: a late operation and a stopped CAPF',
    de: 'Zwei Fehler: ein verspäteter Vorgang und ein beendeter CAPF-Dienst',
    ja: '2 つの障害：期限切れの操作と CAPF の停止',
  },
  brief: {
    en: 'The operation for {device} was saved with a mistake, and the CAPF service on {publisher} is stopped. Fix both so that the phone’s next attempt succeeds.',
    de: 'Der Vorgang für {device} wurde mit einer falschen Einstellung gespeichert, und der CAPF-Dienst auf {publisher} ist beendet. Beheben Sie beides, damit der nächste Versuch des Telefons gelingt.',
    ja: '{device} の操作が誤った設定で保存されており、{publisher} の CAPF サービスが停止しています。電話機の次の試行が成功するよう、両方を修正してください。',
  },
  scenario: 'seed-lab',
  faults: ['capf.deadline-passed', 'capf.service-stopped'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [CAPF_RUNNING, NOT_LATE, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    {
      en: 'Read the phone’s CAPF Information in Device > Phone > {device}, and the services of {publisher} in Control Center - Feature Services.',
      de: 'Lesen Sie die CAPF Information des Telefons unter Device > Phone > {device} und die Dienste von {publisher} in Control Center - Feature Services.',
      ja: 'Device > Phone > {device} で電話機の CAPF Information を、Control Center - Feature Services で {publisher} のサービスを確認してください。',
    },
    {
      en: 'Operation Completes By lies in the past, and nothing answers on TCP 3804. If CAPF comes back first, it refuses the phone’s request as late and the operation fails.',
      de: 'Operation Completes By liegt in der Vergangenheit, und auf TCP 3804 antwortet nichts. Läuft CAPF zuerst wieder, lehnt es die Anforderung des Telefons als verspätet ab, und der Vorgang schlägt fehl.',
      ja: 'Operation Completes By が過去の日時になっており、TCP 3804 で応答するものがありません。先に CAPF が復旧すると、CAPF は電話機の要求を期限切れとして拒否し、操作は失敗します。',
    },
    {
      en: 'First set Operation Completes By ahead in CAPF Information, Save, Apply Config. Then start Cisco Certificate Authority Proxy Function on {publisher} and Reset the phone.',
      de: 'Setzen Sie zuerst in CAPF Information Operation Completes By in die Zukunft, dann Save, Apply Config. Starten Sie danach Cisco Certificate Authority Proxy Function auf {publisher} und setzen Sie das Telefon zurück (Reset).',
      ja: 'まず CAPF Information で Operation Completes By を将来の日時に設定し、Save、Apply Config をクリックします。次に {publisher} で Cisco Certificate Authority Proxy Function を開始し、電話機をリセット（Reset）します。',
    },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.phone.save', device, capf: capfFormOf(world, device, { operationCompletesBy: operationCompletesByString(world.now + 2 * 3600_000, world.env.zone) }) },
      { type: 'cucm.phone.applyConfig', device },
      { type: 'serviceability.start', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
