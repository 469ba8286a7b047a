/**
 * Everything heavy the UI needs from the headless core (XState, the world and its certificates), in one module that the
 * page loads lazily after its first paint: the initial JavaScript stays small, and components reach these
 * functions through `session.api` once it has loaded.
 */
export { LabWorld, scenarioStart } from '../sim/world';
export type { RecordedAction } from '../sim/world';
export { SCENARIOS, DEFAULT_SCENARIO } from '../content/scenarios';
export { checkFleetSize, MAX_FLEET_PHONES } from '../sim/fleet-size';
export { seedProcedure } from '../content/procedures';
export { doSteps } from '../sim/steps';
/** The fault catalogue: its texts load with the Faults page or a lab that starts with faults. */
export const loadFaults = () => import('../sim/faults');
export { certificateArtefacts, itlArtefacts } from '../sim/artefacts';
export { validateCapfForm } from '../sim/actions';
export { lscField } from '../sim/phone/phone.machine';
export { capfMachine } from '../sim/cucm/capf.machine';
export { capfSessionMachine } from '../sim/cucm/capf-session.machine';
export { tftpMachine } from '../sim/cucm/tftp.machine';
export { tvsMachine } from '../sim/cucm/tvs.machine';
export { dnsMachine } from '../sim/dns/dns.machine';
export { networkMachine } from '../sim/network';
export { phoneMachine } from '../sim/phone/phone.machine';
export { capfClientMachine } from '../sim/phone/capf-client.machine';
export { dnsmasqMachine } from '../sim/phone/dnsmasq.machine';
export { parseItl } from '../itl/parse';
export { describeCertificate } from '../pki/parse';
export { toPem, fromPem, toHex } from '../pki/encode';
export { formatCucmName, formatItlName, commonName } from '../pki/names';
export { tvsClientMachine } from '../sim/phone/tvs-client.machine';
export { switchMachine } from '../sim/dot1x/switch.machine';
export { radiusMachine } from '../sim/dot1x/radius.machine';
export { buildLab, recipeProblem, SIM_VERSION } from '../content/lab';
