/**
 * Why LSCs at all (the article's introduction): an 802.1X switch port whose RADIUS policy trusts only
 * certificates from this cluster's CAPF — the MIC fails, the LSC passes (scenario `dot1x-lab`).
 */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, procedureSteps, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const dot1x: Exercise = {
  id: 'dot1x-lsc',
  version: 1,
  kind: 'path',
  title: {
    en: '802.1X: the port wants an LSC',
    de: '802.1X: Der Port verlangt ein LSC',
    ja: '802.1X：ポートが LSC を要求',
  },
  brief: {
    en: 'The phone {device} sits on a switch port with 802.1X (monitor mode). The RADIUS policy accepts only certificates issued by this cluster’s CAPF, so the phone’s MIC is rejected. Give the phone what the port accepts.',
    de: 'Das Telefon {device} ist an einem Switch-Port mit 802.1X (Monitor-Modus) angeschlossen. Die RADIUS-Richtlinie akzeptiert nur Zertifikate, die vom CAPF dieses Clusters ausgestellt wurden, daher wird das MIC des Telefons abgelehnt. Geben Sie dem Telefon, was der Port akzeptiert.',
    ja: '電話機 {device} は 802.1X（モニター モード）のスイッチ ポートに接続されています。RADIUS ポリシーはこのクラスタの CAPF が発行した証明書だけを受け入れるため、電話機の MIC は拒否されます。ポートが受け入れる証明書を電話機に持たせてください。',
  },
  scenario: 'dot1x-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [
    {
      id: 'port-accepts-lsc',
      label: {
        en: 'The switch port’s last 802.1X authentication of {device} passed with its LSC',
        de: 'Die letzte 802.1X-Authentifizierung von {device} am Switch-Port war mit seinem LSC erfolgreich',
        ja: 'スイッチ ポートでの {device} の直近の 802.1X 認証が、LSC によって成功している',
      },
      check: { check: 'dot1x.acceptedWithLsc' },
    },
    LSC_FROM_CAPF,
    UPGRADE_SUCCESS,
  ],
  hints: [
    {
      en: 'Read the RADIUS log (Logs, source RADIUS) and the phone’s status messages after it boots: which certificate does it present?',
      de: 'Lesen Sie das RADIUS-Protokoll (Protokolle, Quelle RADIUS) und die Statusmeldungen des Telefons nach dem Start: Welches Zertifikat legt es vor?',
      ja: 'RADIUS のログ（「ログ」、ソース RADIUS）と、起動後の電話機のステータス メッセージを確認してください。電話機はどの証明書を提示していますか？',
    },
    {
      en: 'The phone presents its MIC, issued by the Cisco Manufacturing CA, and the policy trusts only this cluster’s CAPF. With an LSC from CAPF it would pass.',
      de: 'Das Telefon legt sein MIC vor, ausgestellt von der Cisco Manufacturing CA, und die Richtlinie vertraut nur dem CAPF dieses Clusters. Mit einem LSC von CAPF würde die Authentifizierung gelingen.',
      ja: '電話機は Cisco Manufacturing CA が発行した MIC を提示していますが、ポリシーが信頼するのはこのクラスタの CAPF だけです。CAPF が発行した LSC であれば認証に成功します。',
    },
    {
      en: 'Install an LSC: Device > Phone > {device}, CAPF Information Install/Upgrade, By Null String, Operation Completes By ahead, Save, Apply Config. The phone resets and authenticates with its LSC.',
      de: 'Installieren Sie ein LSC: Device > Phone > {device}, in CAPF Information Install/Upgrade, By Null String, Operation Completes By in der Zukunft, Save, Apply Config. Das Telefon wird zurückgesetzt und authentifiziert sich mit seinem LSC.',
      ja: 'LSC をインストールします。Device > Phone > {device} の CAPF Information で Install/Upgrade と By Null String を選択し、Operation Completes By を将来の日時に設定して、Save、Apply Config をクリックします。電話機がリセットされ、LSC で認証されます。',
    },
  ],
  solution: (world) => procedureSteps(world),
};
