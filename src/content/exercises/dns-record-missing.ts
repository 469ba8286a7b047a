/** The article's troubleshooting case "DNS record missing" (TAC 213295; fault `dns.capf-host-missing` in src/sim/faults.ts). */
import { DNS_RESOLVES, troubleshooting } from './builders';

export const dnsRecordMissing = troubleshooting({
  id: 'dns-record-missing',
  version: 1,
  fault: 'dns.capf-host-missing',
  title: { en: 'DNS record missing' },
  brief: { en: 'As in the article’s DNS lab: the publisher is known to the phones as {serverName}, and the operation for {device} never completes. Fix the cause, not a symptom.' },
  cause: [DNS_RESOLVES],
});
