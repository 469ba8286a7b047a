/**
 * Two faults whose fix order matters: CAPF was never activated and its certificate has expired. The ITLs
 * are built when Cisco TFTP starts, so the certificate must be regenerated before TFTP restarts: the
 * other way round the ITLs carry the expired certificate and TFTP must be restarted again.
 */
import { CAPF_ACTIVATED, CAPF_VALID, EXERCISE_LOCKS, ITLS_CARRY_CAPF, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleActivateExpired: Exercise = {
  id: 'double-activate-expired',
  version: 1,
  kind: 'double',
  title: {
    en: 'Two faults: CAPF never activated, its certificate expired',
    de: 'Zwei Fehler: CAPF nie aktiviert, sein Zertifikat abgelaufen',
    ja: '2 つの障害：CAPF が未アクティブ化、証明書が期限切れ',
  },
  brief: {
    en: 'A cluster that never used CAPF: the service was never activated, and its certificate ran out long ago. The operation for {device} is saved and applied. Fix both, in an order that works the first time.',
    de: 'Ein Cluster, der CAPF nie verwendet hat: Der Dienst wurde nie aktiviert, und sein Zertifikat ist längst abgelaufen. Der Vorgang für {device} ist gespeichert und angewendet. Beheben Sie beide Fehler in einer Reihenfolge, die beim ersten Mal funktioniert.',
    ja: 'CAPF を一度も使用したことのないクラスタです。サービスはアクティブ化されておらず、証明書もずっと前に期限が切れています。{device} の操作は保存され、適用されています。1 回で成功する順序で、両方を修正してください。',
  },
  scenario: 'seed-lab',
  faults: ['capf.not-activated', 'capf.cert-expired'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [CAPF_ACTIVATED, CAPF_VALID, ITLS_CARRY_CAPF, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    {
      en: 'Look at Service Activation on {publisher}, at the CAPF certificate’s validity in Certificate Management, and at `show itl` on {phoneTftp}.',
      de: 'Sehen Sie sich Service Activation auf {publisher}, die Gültigkeit des CAPF-Zertifikats in Certificate Management und `show itl` auf {phoneTftp} an.',
      ja: '{publisher} の Service Activation、Certificate Management での CAPF 証明書の有効期間、{phoneTftp} での `show itl` の出力を確認してください。',
    },
    {
      en: 'CAPF is not activated and its certificate has expired. The ITLs take the CAPF certificate when Cisco TFTP starts: restarting TFTP before the certificate is renewed puts the expired one in.',
      de: 'CAPF ist nicht aktiviert, und sein Zertifikat ist abgelaufen. Die ITL-Dateien übernehmen das CAPF-Zertifikat beim Start von Cisco TFTP: Wird TFTP neu gestartet, bevor das Zertifikat erneuert ist, gelangt das abgelaufene hinein.',
      ja: 'CAPF がアクティブ化されておらず、証明書も期限切れです。ITL ファイルには Cisco TFTP の起動時に CAPF 証明書が取り込まれます。証明書を更新する前に TFTP を再起動すると、期限切れの証明書が取り込まれてしまいます。',
    },
    {
      en: 'Activate Cisco Certificate Authority Proxy Function on {publisher}, regenerate its CAPF certificate, then restart Cisco TFTP on every TFTP node, and Reset the phone.',
      de: 'Aktivieren Sie Cisco Certificate Authority Proxy Function auf {publisher}, generieren Sie das CAPF-Zertifikat neu, starten Sie dann Cisco TFTP auf jedem TFTP-Knoten neu und setzen Sie das Telefon zurück (Reset).',
      ja: '{publisher} で Cisco Certificate Authority Proxy Function をアクティブ化して CAPF 証明書を再生成し、その後すべての TFTP ノードで Cisco TFTP を再起動して、電話機をリセット（Reset）します。',
    },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const tftp = world.env.scenario.nodes.filter((n) => world.env.db.isActivated(n.name, 'tftp')).map((n) => n.name);
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'serviceability.activate', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'os.certificate.regenerate', node: pub, purpose: 'CAPF' },
      ...tftp.map((node) => ({ type: 'serviceability.restart', node, service: 'tftp' }) as const),
      { wait: 15_000 },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
