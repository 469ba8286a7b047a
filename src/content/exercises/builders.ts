/** Goals and shapes several exercises share. */
import { seedProcedure } from '../procedures';
import type { FixStep } from '../../sim/faults';
import { FAULT_HINTS } from './fault-hints';
import type { Exercise, ExerciseText, Goal } from './types';

/** A mystery's first goal: whichever fault the seed picked, its cause is gone (content/fault-fixed.ts). */
export const CAUSE_FIXED: Goal = {
  id: 'cause-fixed',
  label: {
    en: 'The cause of the failure is gone',
    de: 'Die Ursache des Fehlschlags ist behoben',
    ja: '失敗の原因が解消されている',
  },
  faultFixed: true,
};

export const LSC_FROM_CAPF: Goal = {
  id: 'lsc-from-capf',
  label: {
    en: '{device} holds an LSC issued by this cluster’s CAPF',
    de: '{device} hat ein LSC, das vom CAPF dieses Clusters ausgestellt wurde',
    ja: '{device} が、このクラスタの CAPF が発行した LSC を保持している',
  },
  check: { check: 'phone.lscFromThisCapf' },
};

export const UPGRADE_SUCCESS: Goal = {
  id: 'upgrade-success',
  label: {
    en: 'CUCM shows Certificate Operation Status “Upgrade Success” for {device}',
    de: 'CUCM zeigt für {device} den Certificate Operation Status „Upgrade Success“',
    ja: 'CUCM で {device} の Certificate Operation Status が「Upgrade Success」と表示されている',
  },
  check: { check: 'phone.operationStatus', args: { status: 'Upgrade Success' } },
};

export const CAPF_ACTIVATED: Goal = {
  id: 'capf-activated',
  label: {
    en: 'Cisco Certificate Authority Proxy Function is activated on {publisher}',
    de: 'Cisco Certificate Authority Proxy Function ist auf {publisher} aktiviert',
    ja: '{publisher} で Cisco Certificate Authority Proxy Function がアクティブ化されている',
  },
  check: { check: 'service.activated', args: { service: 'capf' } },
};

export const CAPF_RUNNING: Goal = {
  id: 'capf-running',
  label: {
    en: 'Cisco Certificate Authority Proxy Function is running on {publisher}',
    de: 'Cisco Certificate Authority Proxy Function läuft auf {publisher}',
    ja: '{publisher} で Cisco Certificate Authority Proxy Function が実行されている',
  },
  check: { check: 'service.running', args: { service: 'capf' } },
};

export const ITLS_CARRY_CAPF: Goal = {
  id: 'itls-carry-capf',
  label: {
    en: 'Every TFTP server’s ITL carries the CAPF certificate CAPF uses now',
    de: 'Die ITL-Datei jedes TFTP-Servers enthält das CAPF-Zertifikat, das CAPF derzeit verwendet',
    ja: 'すべての TFTP サーバの ITL ファイルに、CAPF が現在使用している CAPF 証明書が含まれている',
  },
  check: { check: 'tftp.itlCarriesCurrentCapf' },
};

/**
 * The DNS lab's name (the fault `dns.capf-host-missing` defines the publisher as PUB11.<domain>): graded on
 * the record itself, so defining the publisher by its address instead does not count as fixing DNS.
 */
export const DNS_RESOLVES: Goal = {
  id: 'dns-resolves',
  label: {
    en: 'PUB11.brianw2.lab resolves to {publisherIp} in DNS',
    de: 'PUB11.brianw2.lab wird im DNS zu {publisherIp} aufgelöst',
    ja: 'DNS で PUB11.brianw2.lab が {publisherIp} に解決される',
  },
  check: { check: 'dns.resolves', args: { name: 'PUB11.brianw2.lab' } },
};

export const NOT_LATE: Goal = {
  id: 'not-late',
  label: {
    en: 'The operation for {device} is pending with Operation Completes By still ahead, or has completed',
    de: 'Der Vorgang für {device} steht aus und Operation Completes By liegt noch in der Zukunft, oder er ist abgeschlossen',
    ja: '{device} の操作が Operation Completes By の期限前で保留中であるか、完了している',
  },
  check: { check: 'phone.operationNotLate' },
};

export const CAPF_VALID: Goal = {
  id: 'capf-valid',
  label: {
    en: 'The CAPF certificate of {publisher} is within its validity',
    de: 'Das CAPF-Zertifikat von {publisher} liegt innerhalb seines Gültigkeitszeitraums',
    ja: '{publisher} の CAPF 証明書が有効期間内である',
  },
  check: { check: 'capf.certificateValid' },
};

/** The locks every exercise has: the Faults page would name the cause, the scenario chooser would leave the exercise. */
export const EXERCISE_LOCKS = ['faults', 'scenario'] as const;

/**
 * One of the article's troubleshooting cases: the lab starts with the fault and a failing operation; the
 * goals are the fault's cause gone plus the LSC installed; the hints are the fault's ladder, the solution
 * its documented fix.
 */
export function troubleshooting(spec: { id: string; version: number; fault: string; title: ExerciseText; brief: ExerciseText; cause: readonly Goal[] }): Exercise {
  return {
    id: spec.id,
    version: spec.version,
    kind: 'troubleshooting',
    title: spec.title,
    brief: spec.brief,
    scenario: 'seed-lab',
    faults: [spec.fault],
    startsWithProcedure: true,
    locks: EXERCISE_LOCKS,
    goals: [...spec.cause, LSC_FROM_CAPF, UPGRADE_SUCCESS],
    hints: FAULT_HINTS[spec.fault],
    solution: (world, faults) => faults.flatMap((f) => f.fix(world)),
  };
}

/** The seed procedure as learner actions (Save, Apply Config). */
export const procedureSteps = (world: Parameters<typeof seedProcedure>[0]): FixStep[] => seedProcedure(world);
