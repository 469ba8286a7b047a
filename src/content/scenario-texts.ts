/**
 * The scenario box's titles and descriptions in every language the lab speaks. The scenarios
 * (src/content/scenarios/) are the world's data and keep English, which is copied here verbatim
 * (tests/content/scenario-texts.test.ts compares them); product names, releases and commands stay English.
 */
import type { LocalizedText } from './messages/format';

export const SCENARIO_TEXTS: Record<string, { title: LocalizedText; description: LocalizedText }> = {
  'seed-lab': {
    title: {
      en: 'Install an LSC on a CP-8845 (TAC 213295)',
      de: 'Ein LSC auf einem CP-8845 installieren (TAC 213295)',
      ja: 'CP-8845 に LSC をインストールする（TAC 213295）',
    },
    description: {
      en: 'Two-node CUCM 11.5 cluster with CAPF activated and a Cisco IP Phone 8845 without an LSC. Install a 2048-bit RSA LSC with null-string authentication.',
      de: 'CUCM-11.5-Cluster mit zwei Knoten, CAPF aktiviert, und ein Cisco IP Phone 8845 ohne LSC. Installieren Sie ein RSA-LSC mit 2048 Bit und Authentifizierung By Null String.',
      ja: 'CAPF がアクティブ化された 2 ノードの CUCM 11.5 クラスタと、LSC のない Cisco IP Phone 8845 です。By Null String 認証で 2048 ビット RSA の LSC をインストールします。',
    },
  },
  'cucm14-lab': {
    title: {
      en: 'Install an LSC on CUCM 14.0 (ITL signed by ITLRecovery, Online CA, utils capf)',
      de: 'Ein LSC unter CUCM 14.0 installieren (ITL-Datei von ITLRecovery signiert, Online CA, utils capf)',
      ja: 'CUCM 14.0 で LSC をインストールする（ITLRecovery が署名した ITL ファイル、Online CA、utils capf）',
    },
    description: {
      en: 'Two-node CUCM 14.0 cluster with CAPF activated and the same Cisco IP Phone 8845 without an LSC. Compare with the 11.5 lab: show itl names the ITLRecovery certificate as the signer, CAPF can hand requests to an Online CA, and the CLI has utils capf stale-lsc and utils capf csr list.',
      de: 'CUCM-14.0-Cluster mit zwei Knoten, CAPF aktiviert, und dasselbe Cisco IP Phone 8845 ohne LSC. Vergleichen Sie mit dem 11.5-Lab: show itl nennt das ITLRecovery-Zertifikat als Signierer, CAPF kann Anforderungen an eine Online CA weitergeben, und die CLI kennt utils capf stale-lsc und utils capf csr list.',
      ja: 'CAPF がアクティブ化された 2 ノードの CUCM 14.0 クラスタと、LSC のない同じ Cisco IP Phone 8845 です。11.5 のラボと比べてください。show itl は署名者として ITLRecovery 証明書を示し、CAPF は要求を Online CA に渡すことができ、CLI には utils capf stale-lsc と utils capf csr list があります。',
    },
  },
  'dot1x-lab': {
    title: {
      en: 'LSCs for 802.1X: the switch port trusts only this cluster\'s CAPF',
      de: 'LSCs für 802.1X: Der Switch-Port vertraut nur dem CAPF dieses Clusters',
      ja: '802.1X のための LSC：スイッチ ポートはこのクラスタの CAPF だけを信頼する',
    },
    description: {
      en: 'The cluster and phone of Cisco TAC 213295, with the phone on an 802.1X switch port (monitor mode) whose RADIUS policy accepts only certificates issued by this cluster\'s CAPF, as the article recommends. Watch the MIC fail, the LSC pass, and a CAPF regeneration break it again.',
      de: 'Cluster und Telefon aus Cisco TAC 213295, das Telefon an einem 802.1X-Switch-Port (Monitor-Modus), dessen RADIUS-Richtlinie nur Zertifikate akzeptiert, die das CAPF dieses Clusters ausgestellt hat, wie der Artikel empfiehlt. Sehen Sie zu, wie das MIC scheitert, das LSC durchkommt und ein neu erzeugtes CAPF-Zertifikat es wieder bricht.',
      ja: 'Cisco TAC 213295 のクラスタと電話機です。電話機は 802.1X のスイッチ ポート（モニター モード）に接続され、その RADIUS ポリシーは記事の推奨どおり、このクラスタの CAPF が発行した証明書だけを受け入れます。MIC が失敗し、LSC が通り、CAPF の再生成で再び失敗する様子を確認します。',
    },
  },
  'fleet-lab': {
    title: {
      en: 'Enrol a fleet: LSCs for many phones with Bulk Administration (CUCM 14.0)',
      de: 'Eine Flotte ausstatten: LSCs für viele Telefone mit Bulk Administration (CUCM 14.0)',
      ja: 'フリートの登録：Bulk Administration で多数の電話機に LSC を（CUCM 14.0）',
    },
    description: {
      en: 'The CUCM 14.0 cluster with a fleet of phones of several models on both TFTP servers. Some already hold an LSC from this CAPF, some an expired one, some one from another cluster, and a few old 7960s cannot hold one. Find them, install LSCs with Bulk Administration, and verify with the CAPF report.',
      de: 'Der CUCM-14.0-Cluster mit einer Flotte von Telefonen mehrerer Modelle auf beiden TFTP-Servern. Einige haben schon ein LSC von diesem CAPF, einige ein abgelaufenes, einige eines von einem anderen Cluster, und ein paar alte 7960 können keines halten. Finden Sie sie, installieren Sie LSCs mit Bulk Administration und prüfen Sie das Ergebnis mit dem CAPF-Bericht.',
      ja: '両方の TFTP サーバに複数モデルの電話機のフリートがある CUCM 14.0 クラスタです。この CAPF の LSC をすでに持つもの、期限切れの LSC を持つもの、別のクラスタの LSC を持つものがあり、古い 7960 の数台は LSC を持てません。それらを見つけ、Bulk Administration で LSC をインストールし、CAPF レポートで確認します。',
    },
  },
};
