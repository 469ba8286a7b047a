// @vitest-environment happy-dom
/** The Serviceability pages are axe-clean. */
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ControlCenter from '../../../src/ui/serviceability/ControlCenter.svelte';
import ServiceActivation from '../../../src/ui/serviceability/ServiceActivation.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

async function violations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('Serviceability accessibility', () => {
  it.each([
    ['Service Activation', ServiceActivation, {}],
    ['Control Center - Feature Services', ControlCenter, { kind: 'feature' }],
    ['Control Center - Network Services', ControlCenter, { kind: 'network' }],
  ] as const)('%s', async (_name, component, params) => {
    const { container } = renderScreen(session, component, params);
    expect(await violations(container)).toEqual([]);
  });
});
