// @vitest-environment happy-dom
/** The Serviceability pages are axe-clean. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ControlCenter from '../../../src/ui/serviceability/ControlCenter.svelte';
import ServiceActivation from '../../../src/ui/serviceability/ServiceActivation.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations as violations } from '../axe';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

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
