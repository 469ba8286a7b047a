/** A mystery: the seed picks one of several faults that keep the phone from reaching a working CAPF. */
import { CAUSE_FIXED, EXERCISE_LOCKS, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const mysteryConnection: Exercise = {
  id: 'mystery-connection',
  version: 1,
  kind: 'mystery',
  title: {
    en: 'Mystery: the LSC never arrives',
    de: 'Rätsel: Das LSC kommt nie an',
    ja: 'ミステリー：LSC が届かない',
  },
  brief: {
    en: 'The operation for {device} was saved and applied the way the article says, and still the phone gets no LSC. Something in the cluster or the network is wrong. Find the cause, fix it, and let the phone finish.',
    de: 'Der Vorgang für {device} wurde so gespeichert und angewendet, wie es der Artikel beschreibt, und trotzdem erhält das Telefon kein LSC. Etwas im Cluster oder im Netzwerk stimmt nicht. Finden Sie die Ursache, beheben Sie sie und lassen Sie das Telefon den Vorgang abschließen.',
    ja: '{device} の操作は記事のとおりに保存され、適用されていますが、電話機は LSC を取得できません。クラスタかネットワークのどこかに問題があります。原因を見つけて修正し、電話機の操作を完了させてください。',
  },
  scenario: 'seed-lab',
  pool: ['capf.not-activated', 'capf.service-stopped', 'capf.cert-regenerated', 'network.capf-port-blocked', 'dns.capf-host-missing', 'tvs.down'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [
    CAUSE_FIXED,
    LSC_FROM_CAPF,
    UPGRADE_SUCCESS,
  ],
  hints: [
    {
      en: 'Start where the phone reports: its status messages (Logs, or Settings on the phone). Then follow its attempt step by step in the Message trace: name lookup, trust list, TCP 3804.',
      de: 'Beginnen Sie dort, wo das Telefon berichtet: bei seinen Statusmeldungen (Protokolle, oder Settings am Telefon). Verfolgen Sie dann seinen Versuch Schritt für Schritt im Nachrichtenfluss: Namensauflösung, Vertrauensliste, TCP 3804.',
      ja: 'まず電話機が報告している内容、つまりステータス メッセージ（「ログ」、または電話機の Settings）から始めます。次に「メッセージ トレース」で、電話機の試行を名前解決、信頼リスト、TCP 3804 の順に追ってください。',
    },
  ],
  hintsFromPickedFault: true,
  solution: (world, faults) => faults.flatMap((f) => f.fix(world)),
};
