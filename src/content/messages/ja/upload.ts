/**
 * What the pages that take a certificate or CSR from the learner (OS Administration's Upload Certificate,
 * the Enterprise CA) say about the input in Japanese, before it reaches the simulated CUCM.
 */
import type en from '../en/upload';
import type { Translation } from '../format';

export default {
  'upload.tooLarge': '{name} は {size} バイトです。このページで受け付けるファイルは {cap} バイト（1 MB）までのため、読み込みませんでした。証明書は数 KB 程度です。',
  'upload.textTooLarge': 'テキストは {size} バイトです。このページで受け付けるのは {cap} バイト（1 MB）までです。証明書は数 KB 程度です。',
  'upload.privateKey':
    'これは証明書ではなく秘密鍵です。読み込まず、表示もしていません。秘密鍵は秘密にしておき、証明書（「-----BEGIN CERTIFICATE-----」）をアップロードしてください。',
  'upload.binary': '{name} は証明書ではありません：{message}',
  'upload.notCertificate': 'これは証明書ではありません：{message}',
  'upload.csrNotCertificate': 'これは証明書ではなく証明書署名要求（CSR）です。先に企業 CA で署名してから、署名済みの証明書をアップロードしてください。',
  'upload.certificateNotCsr': 'これは証明書署名要求（CSR）ではなく証明書です。CSR（「-----BEGIN CERTIFICATE REQUEST-----」）を貼り付けてください。',
  'upload.converted': {
    other: '{name}（{size} バイト）を {format} として読み込みました（証明書 {count} 件）。ここでは PEM 形式で表示しています。',
  },
  'upload.loaded': '{name} を読み込みました（{size} バイト）。',
  'upload.reading': '{name} を読み込んでいます…',
} satisfies Translation<typeof en>;
