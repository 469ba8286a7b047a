/**
 * What the lab runner writes about the phones of a fleet (issue 13): every phone in summary.json (`phones`,
 * the LSC field as the phone shows it and the Certificate Operation Status CUCM records), and the CAPF report
 * an engineer would download from Find and List Phones (`reports/capf-report.csv`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPF_REPORT_FILE_NAME, capfReportCsv } from '../sim/cucm/capf-report';
import type { PhoneRecord } from '../sim/cucm/database';
import type { LabWorld } from '../sim/world';

export interface PhoneSummary {
  device: string;
  model: string;
  lsc: string;
  certificateOperationStatus: string;
}

export function phoneSummaries(world: LabWorld): PhoneSummary[] {
  return world.env.scenario.phones.map((p) => ({
    device: p.deviceName,
    model: p.model,
    lsc: world.lsc(p.deviceName),
    certificateOperationStatus: world.certificateOperationStatus(p.deviceName),
  }));
}

/** Every phone's record, in the scenario's order (phone 1 first). */
function records(world: LabWorld): PhoneRecord[] {
  return world.env.scenario.phones.map((p) => world.env.db.phone(p.deviceName)).filter((r): r is PhoneRecord => r !== undefined);
}

export function writeCapfReport(world: LabWorld, out: string): void {
  mkdirSync(join(out, 'reports'), { recursive: true });
  writeFileSync(join(out, 'reports', CAPF_REPORT_FILE_NAME), capfReportCsv(records(world), world.env.zone));
}
