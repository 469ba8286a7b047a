/**
 * Each fault's hint ladder: where to look → what is wrong → the exact fix (STYLE "A check explains itself").
 * The troubleshooting exercises use a fault's ladder as it is; a mystery starts with a rung of its own and
 * goes on with the picked fault's. Pages and product labels are named as the lab shows them, in English.
 */
import type { ExerciseText } from './types';

export const FAULT_HINTS: Record<string, readonly [ExerciseText, ExerciseText, ExerciseText]> = {
  'capf.not-activated': [
    { en: 'Run `show itl` on the admin CLI of {phoneTftp}, the phone’s TFTP server, and look for a CAPF record.' },
    { en: 'The ITL has no CAPF record because the Cisco Certificate Authority Proxy Function service was never activated on {publisher}: the phone does not know any CAPF to call.' },
    { en: 'Cisco Unified Serviceability > Tools > Service Activation on {publisher}: activate Cisco Certificate Authority Proxy Function. Then restart Cisco TFTP on every TFTP node (Control Center - Feature Services) so the ITLs carry the CAPF certificate, and Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'capf.service-stopped': [
    { en: 'Read the phone’s console log (Logs) around its CAPF attempts, and look at the services of {publisher} in Cisco Unified Serviceability.' },
    { en: 'Nothing accepts connections on TCP 3804: the Cisco Certificate Authority Proxy Function service is activated but stopped.' },
    { en: 'Cisco Unified Serviceability > Tools > Control Center - Feature Services on {publisher}: Start Cisco Certificate Authority Proxy Function, then Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'capf.cert-regenerated': [
    { en: 'Compare the CAPF certificate in Certificate Management (its serial number and validity) with the CAPF record of `show itl` on {phoneTftp}.' },
    { en: 'The CAPF certificate was regenerated, but Cisco TFTP was not restarted: the ITLs still carry the old CAPF certificate, so the phone’s check of the CAPF server against its ITL fails.' },
    { en: 'Restart Cisco TFTP on every TFTP node (Cisco Unified Serviceability > Tools > Control Center - Feature Services), wait until it runs, then Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'network.capf-port-blocked': [
    { en: 'Open the Message trace and follow the phone’s connection attempts to {publisherIp} on TCP 3804: does anything answer?' },
    { en: 'The phone’s connection requests to TCP 3804 get no answer at all: something on the path drops them. CAPF itself is running.' },
    { en: 'On the Firewall page, remove the rule that denies TCP 3804 to {publisherIp}, then Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'dns.capf-host-missing': [
    { en: 'Look at the phone’s status messages and the DNS lookups in its console log: which name does it look up for CAPF?' },
    { en: 'CUCM gives the phones the publisher’s name {serverName} (System > Server), and the DNS server has no record for that name.' },
    { en: 'In DNS Manager, add a host (A) record {serverName} → {publisherIp}, then Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'capf.deadline-passed': [
    { en: 'Open the phone in Cisco Unified CM Administration (Device > Phone > {device}) and read its CAPF Information.' },
    { en: 'Operation Completes By lies in the past: CAPF refuses the phone’s request as late.' },
    { en: 'In CAPF Information set Operation Completes By to a date and hour still ahead (at least an hour), Save, then Apply Config.' },
  ],
  'auth.wrong-string': [
    { en: 'Read the CAPF trace and CUCM’s Certificate Operation Status for {device}.' },
    { en: 'The string typed on the phone is not the authentication string saved in CAPF Information.' },
    { en: 'On the phone, open the LSC entry of Security Setup, choose Update and type the authentication string shown in CAPF Information.' },
  ],
  'auth.foreign-lsc': [
    { en: 'Look at the phone’s LSC (Security Setup) and who issued it, and at the Authentication Mode in CAPF Information.' },
    { en: 'The phone authenticates with an LSC another cluster’s CAPF issued, and CAPF-trust here does not trust that CAPF.' },
    { en: 'In CAPF Information choose Authentication Mode By Existing Certificate (precedence to MIC), Save, then Apply Config.' },
  ],
  'auth.mic-untrusted': [
    { en: 'Read the CAPF trace for the phone’s authentication, then look at CAPF-trust in Certificate Management.' },
    { en: 'CAPF cannot verify the phone’s MIC: the Cisco Manufacturing CA certificate is missing from CAPF-trust on {publisher}.' },
    { en: 'Download the Cisco Manufacturing CA (Downloads) and upload it to CAPF-trust on {publisher} (Certificate Management > Upload Certificate/Certificate chain), restart Cisco Certificate Authority Proxy Function, then Apply Config on the phone.' },
  ],
  'itl.phone-mismatch': [
    { en: 'Compare the phone’s ITL (Security Setup > Trust List > ITL File) with `show itl` on {phoneTftp}.' },
    { en: 'The phone still holds an ITL with the old CAPF certificate: CAPF and TFTP were restarted after a regeneration, but the phone was never reset.' },
    { en: 'Reset the phone (Device > Phone > {device} > Reset) so it downloads the current ITL.' },
  ],
  'itl.corrupted': [
    { en: 'Compare the phone’s ITL (Security Setup > Trust List > ITL File) with `show itl` on {phoneTftp}, and read the TFTP trace.' },
    { en: 'The ITL file {phoneTftp} serves is damaged, so the phone keeps its old trust list — with the CAPF certificate from before the regeneration — and rejects the CAPF server it meets now.' },
    { en: 'On {publisher} run `utils itl reset localkey`, press Reset in System > Enterprise Parameters, wait two minutes, restart Cisco TFTP on every TFTP node, then press Reset in Enterprise Parameters once more.' },
  ],
  'itl.cscus33755': [
    { en: 'Run `show itl` on {phoneTftp} and `utils dbreplication runtimestate` on {publisher}.' },
    { en: 'Database replication to the subscriber is broken, so its TFTP service could not build an ITL after the CAPF certificate changed (CSCus33755).' },
    { en: 'On {publisher} run `utils dbreplication reset all`, then restart Cisco TFTP on {phoneTftp} and Reset the phone.' },
  ],
  'tvs.down': [
    { en: 'Read the phone’s console log around its connection to CAPF, the TVS trace, and the network services of {publisher}.' },
    { en: 'The CAPF certificate is newer than the one in the phone’s ITL, so the phone asks TVS whether to trust it — and Cisco Trust Verification Service is stopped on {publisher}, the TVS server the phone asks.' },
    { en: 'Control Center - Network Services on {publisher}: Start Cisco Trust Verification Service, then Reset the phone (Device > Phone > {device} > Reset).' },
  ],
  'phone.keygen-timeout': [
    { en: 'Read the CAPF trace for how long the phone was given to generate its key, and the phone’s model.' },
    { en: 'The operation asks this older phone for a key it cannot generate before CAPF gives up waiting.' },
    { en: 'In CAPF Information choose Key Order RSA Only with RSA Key Size 1024, Save, then Apply Config.' },
  ],
  'capf.ec-only-unsupported': [
    { en: 'Compare the Key Order in CAPF Information with the phone’s model and firmware.' },
    { en: 'The phone speaks CAPF version 2 and cannot generate EC keys, and the operation asks for EC Only.' },
    { en: 'In CAPF Information choose Key Order RSA Only, Save, then Apply Config.' },
  ],
  'capf.cert-expired': [
    { en: 'Open the CAPF certificate in Cisco Unified OS Administration > Security > Certificate Management and read its validity.' },
    { en: 'The CAPF certificate has expired, and the phone will not trust an expired CAPF server.' },
    { en: 'Regenerate the CAPF certificate on {publisher}, restart Cisco TFTP on every TFTP node so the ITLs carry it, then Reset the phone.' },
  ],
  'phone.no-sbd': [
    { en: 'Check the phone’s model (the phone’s Model Information) against the models that support Security By Default.' },
    { en: 'This model has no Security By Default: it holds no ITL, so it has no CAPF certificate to trust in a non-secure cluster.' },
    { en: 'Replace the handset with a model that supports Security By Default, such as a CP-8845, keeping the device record.' },
  ],
  'phone.foreign-itl': [
    { en: 'Look at the phone’s trust list (Security Setup > Trust List > ITL File) and who signed it.' },
    { en: 'The phone still holds the ITL of the cluster it came from, so it trusts none of this cluster’s servers.' },
    { en: 'Save the phone’s CAPF Information again (a fresh Operation Completes By), then on the phone erase the trust list (Security Setup > Trust List > ITL File > Erase) and reset it.' },
  ],
};
