import type en from '../en/fleet';
import type { Translation } from '../format';

/** 電話機のフリート：概要、グリッド、シナリオの台数。CUCM のページ自体は英語のまま。 */
export default {
  'fleet.summary.heading': '電話機',
  'fleet.summary.intro': {
    other: 'ラボには {count} 台の電話機があります。図では 1 つのボックスとして表示します。グリッドの各セルが 1 台の電話機で、文字と色が状態を示し、凡例がそれを言葉で説明します。',
  },
  'fleet.counts.heading': '状態別の電話機',
  'fleet.state.installed': 'LSC インストール済み',
  'fleet.state.enrolling': 'CAPF の操作中',
  'fleet.state.failed': '直前の CAPF の操作が失敗',
  'fleet.state.none': '登録済み、LSC なし',
  'fleet.state.booting': '未登録',
  'fleet.grid.label': 'ラボの電話機',
  'fleet.grid.hint': 'Tab キーでグリッドに移動し、矢印キーで移動します（Home と End で最初と最後の電話機）。Enter キーを押すかクリックすると、その電話機を下に表示します。',
  'fleet.grid.cell': '{device}、{model}：{state}',
  'fleet.selected.heading': '電話機 {device}',
  'fleet.nav.allPhones': 'すべての電話機（{count} 台）',
  'fleet.chooser.phones': '電話機の台数',
  'fleet.chooser.phonesHint': '1～{max}。電話機 1 はシナリオ本来の電話機で、その他はシードから生成されます。',
  'fleet.chooser.phonesInvalid': '電話機の台数は 1～{max} の整数で指定してください。',
  'fleet.ladder.choosePhone': 'ラボには {count} 台の電話機があります。上の「Device」で 1 台を選ぶと、そのメッセージをラダー図で表示します。下の表にはすべてのメッセージが表示されます。',
  'fleet.logs.pane': 'ログ ペイン',
  'fleet.logs.count': { other: '{total} 行中 {count} 行が一致しています。' },
  'fleet.logs.countWindowed': '{total} 行中 {count} 行が一致しています。ペインはスクロールに合わせて表示中の行だけを描画し、ダウンロードでは {count} 行すべてを保存します。',
  'fleet.trace.count': { other: '{total} 件中 {count} 件のメッセージが一致しています。' },
  'fleet.trace.countWindowed': '{total} 件中 {count} 件のメッセージが一致しています。一覧はスクロールに合わせて表示中のものだけを描画します。',
  'fleet.report.saved': '{count} 台の電話機の CAPF レポートを {file} として保存しました。',
} satisfies Translation<typeof en>;
