/**
 * The Offline CA path (Security Guide, "Certificate Authority Proxy Function"; domain.md §2.6): CAPF keeps the
 * phone's certificate signing request, an enterprise CA signs it, and the signed certificate is imported
 * (`utils capf cert import`) and handed to the phone at its next CAPF session.
 */
import { capfFormOf } from '../../sim/faults';
import { EXERCISE_LOCKS, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const offlineCa: Exercise = {
  id: 'offline-ca',
  version: 1,
  kind: 'path',
  title: {
    en: 'LSCs signed by your enterprise CA (Offline CA)',
    de: 'LSCs, signiert von Ihrer Unternehmens-CA (Offline CA)',
    ja: '企業 CA で署名された LSC（Offline CA）',
  },
  brief: {
    en: 'Your security team wants the phones’ LSCs signed by the enterprise CA, not by CAPF. Switch CAPF to the Offline CA path, get {device}’s request signed by the enterprise CA, and deliver the certificate to the phone.',
    de: 'Ihr Sicherheitsteam möchte, dass die LSCs der Telefone von der Unternehmens-CA signiert werden, nicht von CAPF. Stellen Sie CAPF auf den Weg über Offline CA um, lassen Sie die Anforderung von {device} von der Unternehmens-CA signieren und stellen Sie das Zertifikat dem Telefon zu.',
    ja: 'セキュリティ チームは、電話機の LSC を CAPF ではなく企業 CA で署名するよう求めています。CAPF を Offline CA 方式に切り替え、{device} の要求に企業 CA で署名して、証明書を電話機に届けてください。',
  },
  scenario: 'seed-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [
    { id: 'lsc-from-enterprise-ca', label: {
      en: '{device} holds an LSC issued by the enterprise CA',
      de: '{device} hat ein LSC, das von der Unternehmens-CA ausgestellt wurde',
      ja: '{device} が、企業 CA が発行した LSC を保持している',
    }, check: { check: 'phone.lscFromEnterpriseCa' } },
    UPGRADE_SUCCESS,
  ],
  hints: [
    {
      en: 'Look at System > Service Parameters > Cisco Certificate Authority Proxy Function (Certificate Issuer to Endpoint), and at the Enterprise CA (Offline CA) page.',
      de: 'Sehen Sie sich System > Service Parameters > Cisco Certificate Authority Proxy Function (Certificate Issuer to Endpoint) und die Seite Unternehmens-CA (Offline CA) an.',
      ja: 'System > Service Parameters > Cisco Certificate Authority Proxy Function（Certificate Issuer to Endpoint）と、「企業 CA（Offline CA）」ページを確認してください。',
    },
    {
      en: 'With Offline CA, CAPF keeps the phone’s certificate signing request instead of signing it. The enterprise CA has to sign that request, and CAPF has to be given the signed certificate.',
      de: 'Bei Offline CA signiert CAPF die Zertifikatsignieranforderung (CSR) des Telefons nicht, sondern bewahrt sie auf. Die Unternehmens-CA muss diese Anforderung signieren, und CAPF muss das signierte Zertifikat erhalten.',
      ja: 'Offline CA では、CAPF は電話機の証明書署名要求（CSR）に署名せず、保持します。その要求に企業 CA が署名し、署名済みの証明書を CAPF に渡す必要があります。',
    },
    {
      en: 'Set Certificate Issuer to Endpoint to Offline CA, Save, and restart Cisco Certificate Authority Proxy Function. Do the procedure on {device} (Install/Upgrade, By Null String, Save, Apply Config) and wait until CAPF holds its request (`utils capf csr list`). On the Enterprise CA page sign that request (`utils capf csr dump {device}.csr` prints it), import the signed certificate for {device}, then Reset the phone.',
      de: 'Setzen Sie Certificate Issuer to Endpoint auf Offline CA, klicken Sie auf Save und starten Sie Cisco Certificate Authority Proxy Function neu. Führen Sie das Verfahren für {device} durch (Install/Upgrade, By Null String, Save, Apply Config) und warten Sie, bis die Anforderung bei CAPF vorliegt (`utils capf csr list`). Signieren Sie diese Anforderung auf der Seite Unternehmens-CA (`utils capf csr dump {device}.csr` gibt sie aus), importieren Sie das signierte Zertifikat für {device} und setzen Sie dann das Telefon zurück (Reset).',
      ja: 'Certificate Issuer to Endpoint を Offline CA に設定して Save をクリックし、Cisco Certificate Authority Proxy Function を再起動します。{device} で手順を実行し（Install/Upgrade、By Null String、Save、Apply Config）、CAPF が要求を保持するまで待ちます（`utils capf csr list`）。「企業 CA」ページでその要求に署名し（`utils capf csr dump {device}.csr` で表示できます）、{device} 用の署名済み証明書をインポートしてから、電話機をリセット（Reset）します。',
    },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.serviceParameters.save', capf: { ...world.env.db.capfParameters, certificateIssuerToEndpoint: 'Offline CA' } },
      { type: 'serviceability.restart', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'cucm.phone.save', device, capf: { ...capfFormOf(world, device), authenticationMode: 'By Null String' } },
      { type: 'cucm.phone.applyConfig', device },
      // The phone boots its new configuration, connects, generates its key and CAPF keeps the request.
      { wait: 3 * 60_000 },
      // The request and the signed certificate are named by role: the same steps work in every lab.
      { type: 'lab.ca.sign', csr: { blocks: [{ role: 'capf-csr', device }] } },
      { type: 'capf.offline.import', device, pem: { blocks: [{ role: 'lab-ca.issued', index: 0 }] } },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
