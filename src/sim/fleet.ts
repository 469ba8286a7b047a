/**
 * A classroom-sized cluster (issue 13): a scenario grown to N phones, drawn from the seed like every other
 * random fact of the lab (DESIGN principle 3), so a scenario + seed + N names, addresses and equips the same
 * fleet every time. Phone 1 stays the scenario's own first phone; the others are a mix a real rollout meets:
 *
 * - models with Security By Default (8845, 8865, 7841, 7821) and a few legacy 7960s without it, which can
 *   never hold an LSC through this procedure (TAC 213295, "Components Used");
 * - spread over every node whose Cisco TFTP is activated (DHCP option 150 differs per VLAN in real sites);
 * - some arriving with an LSC from this cluster's CAPF (still valid, or expired), some with one from
 *   another cluster's CAPF (moved phones, TAC 200860), and a few whose earlier enrolment was cut off, so
 *   CAPF holds a stale LSC for them (issued, never installed: `utils capf stale-lsc list`).
 *
 * Pure: the world installs what this returns (install.ts).
 */
import { MAX_FLEET_PHONES } from './fleet-size';
import { Random } from './random';
import type { PhoneSpec, Scenario } from './scenario';

export { MAX_FLEET_PHONES, checkFleetSize, type FleetCountCheck } from './fleet-size';

/** Models of a fleet and their shares (our mix; no source describes a typical site). */
const MODEL_MIX: ReadonlyArray<readonly [model: string, weight: number]> = [
  ['CP-8845', 35],
  ['CP-8865', 20],
  ['CP-7841', 25],
  ['CP-7821', 15],
  ['CP-7960', 5],
];

/** What a generated phone brings (shares are ours). */
const ARRIVALS = { validLsc: 0.12, expiredLsc: 0.08, foreignLsc: 0.06, staleLsc: 0.04 } as const;

/** The seed phone's OUI (SEP682C7B5C2342): every generated phone gets it; a real fleet mixes several Cisco OUIs. */
const OUI = 0x682c7b;

function pick(random: Random): string {
  const total = MODEL_MIX.reduce((sum, [, w]) => sum + w, 0);
  let r = random.next() * total;
  for (const [model, w] of MODEL_MIX) {
    r -= w;
    if (r < 0) return model;
  }
  return MODEL_MIX[0][0];
}

/**
 * The scenario with `phones` phones in all. The scenario's own phones come first (the first `phones` of them
 * when it has more); the rest are drawn from `seed`. The result no longer asks for a fleet, so growing it
 * twice changes nothing.
 */
export function withFleet(scenario: Scenario, phones: number, seed: number | string): Scenario {
  const n = Math.max(1, Math.min(MAX_FLEET_PHONES, Math.floor(phones)));
  const { fleet: _asked, ...rest } = scenario;
  const own = scenario.phones.slice(0, n).map((p) => structuredClone(p));
  const random = new Random(seed, `${scenario.id}/fleet`);
  const tftpNodes = scenario.nodes.filter((node) => node.activated.tftp).map((node) => node.name);
  const nodes = tftpNodes.length ? tftpNodes : scenario.nodes.map((node) => node.name);
  const taken = new Set(own.map((p) => p.deviceName));
  const ips = new Set<string>([...own.map((p) => p.ip), ...scenario.nodes.map((node) => node.ip), scenario.dns.ip]);
  const generated: PhoneSpec[] = [];
  for (let i = own.length; i < n; i++) {
    const r = random.fork(`phone/${i + 1}`);
    let mac: string;
    do mac = (OUI * 0x1000000 + r.int(0, 0xffffff)).toString(16).toUpperCase().padStart(12, '0');
    while (taken.has(`SEP${mac}`));
    const deviceName = `SEP${mac}`;
    taken.add(deviceName);
    // The phones' voice VLAN: 10.122.140.0/22, addressed in order (DHCP hands out leases in order).
    let k = i;
    let ip: string;
    do {
      ip = `10.122.${140 + Math.floor(k / 254)}.${(k % 254) + 1}`;
      k++;
    } while (ips.has(ip));
    ips.add(ip);
    const model = pick(r);
    const spec: PhoneSpec = {
      deviceName,
      model,
      ip,
      tftpNode: nodes[i % nodes.length],
      // A room per phone, as sites describe their desk phones (our form).
      description: `Room ${String.fromCharCode(65 + (i % 4))}${100 + Math.floor(i / 4)} ${model}`,
    };
    if (model !== 'CP-7960') {
      const roll = r.next();
      if (roll < ARRIVALS.validLsc) spec.arrivesWith = { lscFromThisCluster: {} };
      else if (roll < ARRIVALS.validLsc + ARRIVALS.expiredLsc) spec.arrivesWith = { lscFromThisCluster: { expiredDaysAgo: r.int(3, 200) } };
      else if (roll < ARRIVALS.validLsc + ARRIVALS.expiredLsc + ARRIVALS.foreignLsc) spec.arrivesWith = { lscFromOtherCluster: true };
      else if (roll < ARRIVALS.validLsc + ARRIVALS.expiredLsc + ARRIVALS.foreignLsc + ARRIVALS.staleLsc) spec.arrivesWith = { staleLscDaysAgo: r.int(2, 90) };
    }
    generated.push(spec);
  }
  return { ...rest, phones: [...own, ...generated] };
}

/** The scenario as a world builds it: a scenario that asks for a fleet grows to it (see `withFleet`). */
export function expandFleet(scenario: Scenario, seed: number | string): Scenario {
  return scenario.fleet ? withFleet(scenario, scenario.fleet.phones, seed) : scenario;
}

/** The page's way in: `phones` chosen (or the scenario's own fleet), loaded only when a lab has a fleet. */
export function growFleet(scenario: Scenario, phones: number | undefined, seed: number | string): Scenario {
  return phones ? withFleet(scenario, phones, seed) : expandFleet(scenario, seed);
}
