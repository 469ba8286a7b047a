/** The home page's topology in Japanese (its device choice is the ladder's too): loaded with the first paint. */
import type en from '../en/topology';
import type { Translation } from '../format';

export default {
  'pictures.ladder.allDevices': 'すべてのデバイス',
  'pictures.topology.follow': 'メッセージを追跡するデバイス',
  'topology.intro': 'ラボのホストとその現在の状態です。図でホストを選択するとそのカードに移動します。各カードから、そのホストのページ、CLI、ログを開けます。',
  'topology.subnet': 'すべてのホストは 1 つのネットワーク（{subnet}）を共有しています。',
  'topology.drawing': 'ラボのネットワーク図',
  'topology.switch': 'LAN スイッチ',
  'topology.hostLabel': '{name}、{role}、{ip}：{facts}',
  'topology.hostLabelDown': '{name}、{role}、{ip}、ダウン：{facts}',
  'topology.down': '{name}（ダウン）',
  'topology.newest': '最新のメッセージ：番号 {no}、{from} から {to} への {protocol}：{summary}。',
  'topology.newestFailed': '最新のメッセージ：番号 {no}、{from} から {to} への {protocol}：{summary}（{outcome}）。',
  'topology.openTrace': 'メッセージ トレースを開く',
  'topology.noMessage': 'まだネットワークを通過したメッセージはありません。',
  'topology.hosts': 'ホスト',
  'topology.cardDown': '{role}、{ip} ― ダウン：どこからも到達できません',
  'topology.openOn': '{host} で開く',
  'topology.scenario.heading': 'シナリオ',
  'topology.scenario.label': 'シナリオ',
  'topology.scenario.start': 'このシナリオを開始',
  'topology.scenario.confirm': '「{title}」で新しいラボを起動しますか？このラボでこれまでに行った作業と注入した障害はすべて破棄されます。',
  'topology.scenario.confirmStart': '新しいラボを起動',
  'topology.scenario.cancel': 'キャンセル',
  'topology.scenario.starting': '新しいラボを起動しています：「{title}」…',
  'topology.scenario.started': '新しいラボが起動しました：「{title}」。',
  'topology.scenario.failed': '新しいラボを起動できませんでした：{reason}',
} satisfies Translation<typeof en>;
