/**
 * Everything heavy the UI needs from the headless core (XState, pkijs, the world), in one module that the
 * page loads lazily after its first paint: the initial JavaScript stays small, and components reach these
 * functions through `session.api` once it has loaded.
 */
export { LabWorld, scenarioStart } from '../sim/world';
export type { RecordedAction } from '../sim/world';
export { SCENARIOS, DEFAULT_SCENARIO } from '../content/scenarios';
export { seedProcedure } from '../content/procedures';
export { FAULTS, findFault, applyScenarioFaults, doSteps } from '../sim/faults';
export { certificateArtefacts, itlArtefacts } from '../sim/artefacts';
export { validateCapfForm } from '../sim/actions';
export { completeCli } from '../sim/cucm/cli';
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
export { showItl } from '../itl/show';
export { parseItl } from '../itl/parse';
export { certificateFileData, certificateFileDataModel } from '../pki/details';
export { describeCertificate } from '../pki/parse';
export { toPem, fromPem, toHex } from '../pki/encode';
export { formatCucmName, formatItlName, commonName } from '../pki/names';
export { procedureForm } from '../sim/faults';
export { tvsClientMachine } from '../sim/phone/tvs-client.machine';
export { switchMachine } from '../sim/dot1x/switch.machine';
export { radiusMachine } from '../sim/dot1x/radius.machine';
export { buildLab, recipeProblem, SIM_VERSION } from '../content/lab';
export { EXERCISES, findExercise } from '../content/exercises';
export { evaluateGoals, exerciseFaults, exerciseText, hintLadder, isSolved, solutionSteps, textFacts } from '../content/exercises/run';
export { writeCompletionCode, writeShareLink, readShareLink, readCompletionCode } from '../content/lab-document';
export { verifyCompletionCode } from '../content/verify';
export { classSeed } from '../content/variants';
export { runCheck } from '../content/checks';
export { FAULT_FIXED, fixedChecks, isFaultFixed } from '../content/fault-fixed';
export { TUTORIALS, findTutorial } from '../content/tutorial';
export { tutorialProgress } from '../content/tutorial/run';
