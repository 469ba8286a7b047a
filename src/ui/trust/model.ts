/**
 * The trust map: who trusts what in the lab right now, derived from the world's own data — the cluster's
 * certificate stores (each node's certificates and its CAPF-trust / CallManager-trust), the ITL each TFTP
 * node serves, and what the phone holds in flash (its MIC, its LSC, its stored ITL). Every link is checked
 * the way the real parties check it, and a link that would fail says why in words:
 *
 * - MIC / LSC → the trust-store certificate whose key signed it (CAPF authenticates a phone by its MIC or
 *   LSC against CAPF-trust; domain.md §2.3, §2.6), and whether the phone's certificate is still valid;
 * - an ITL record → the certificate it names, by SHA-1 (CERTHASH or the certificate's own hash — what a
 *   phone pins; domain.md §5), which must be a certificate a node presents now;
 * - the phone's stored ITL → the CAPF certificate it pins (the TLS check of the CAPF connection) and the
 *   signer of the ITL its TFTP server serves now (known SAST, or TVS must vouch for it; domain.md §8);
 * - every certificate a node presents → its validity at the virtual now.
 *
 * Pure (no DOM, no Svelte): reading the world, never changing it. Texts are `Said` keys with parameters,
 * formatted in the learner's language by the page; names and hashes stay as the certificates spell them.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { parseItl, type ItlFile, type ItlRecord } from '../../itl/parse';
import { verifyItl } from '../../itl/verify';
import { isSignedBy } from '../../pki/chain';
import { bytesEqual, toColonHex, toHex } from '../../pki/encode';
import { commonName } from '../../pki/names';
import { describeCertificate } from '../../pki/parse';
import type { Said } from '../../content/messages/format';
import type { StoredCertificate } from '../../sim/cucm/certificates';
import type { Scenario } from '../../sim/scenario';

export type Column = 'phone' | 'itl' | 'store';

export interface TrustItem {
  id: string;
  column: Column;
  /** The group it is drawn in ("SEP682C7B5C2342", "ITLFile.tlv on ao115pub", "ao115pub: CAPF-trust"). */
  group: string;
  /** What it is, short: "MIC", "CAPF record", "CAPF.pem". */
  label: string;
  /** Whose it is: a CN, or a file's name. */
  name: string;
  /** Certificate facts for the text alternative ("serial 3a…, valid until 2031-03-16, SHA-1 12:ab…"). */
  facts?: Said;
  problem?: Said;
}

export type LinkKind = 'issued-by' | 'names' | 'pins' | 'signer-known';

export interface TrustLink {
  id: string;
  kind: LinkKind;
  from: string;
  /** The item it reaches; absent when the thing it should reach exists nowhere. */
  to?: string;
  ok: boolean;
  /** The link in words ("The MIC of SEP… was issued by Cisco Manufacturing CA, held in CAPF-trust on ao115pub"). */
  said: Said;
  /** Why it is broken, in words. */
  reason?: Said;
}

export interface TrustMap {
  device: string;
  items: TrustItem[];
  links: TrustLink[];
  /** Groups in drawing order, per column. */
  groups: Array<{ column: Column; title: string; items: string[] }>;
}

export interface TrustWorld {
  env: { scenario: Scenario; certs: { all(): readonly StoredCertificate[] } };
  now: number;
  phoneContext(device: string): { flash: { itl: Uint8Array | null; mic: { der: Uint8Array } | null; lsc: { der: Uint8Array } | null } } | undefined;
  servedItl(node: string): { bytes: Uint8Array } | null;
}

const said = (key: string, params?: Said['params']): Said => ({ key, params });

function cnOfItlName(name: string): string {
  return /(?:^|[;,]\s*)CN=([^;,]+)/.exec(name)?.[1]?.trim() ?? name;
}

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const signedCache = new WeakMap<Uint8Array, WeakMap<Uint8Array, Promise<boolean>>>();
/** Whether `issuer`'s key signed `child` (cached: a certificate's bytes never change). */
function signedBy(child: Uint8Array, issuer: Uint8Array): Promise<boolean> {
  let inner = signedCache.get(child);
  if (!inner) signedCache.set(child, (inner = new WeakMap()));
  let hit = inner.get(issuer);
  if (!hit) inner.set(issuer, (hit = isSignedBy(child, issuer)));
  return hit;
}

const itlCache = new WeakMap<Uint8Array, Promise<{ file: ItlFile | null; signer?: Uint8Array; error?: string }>>();
/** A trust list parsed and its signature checked; its signer's certificate when the signature holds. */
function readItl(bytes: Uint8Array): Promise<{ file: ItlFile | null; signer?: Uint8Array; error?: string }> {
  let hit = itlCache.get(bytes);
  if (!hit) {
    hit = (async () => {
      const parsed = parseItl(bytes, { maxBytes: Number.POSITIVE_INFINITY });
      if (!parsed.ok) return { file: null, error: parsed.error.message };
      const verified = await verifyItl(parsed.value);
      if (!verified.ok) return { file: parsed.value, error: verified.reason };
      return { file: parsed.value, signer: parsed.value.records[verified.signerIndex].certificate };
    })();
    itlCache.set(bytes, hit);
  }
  return hit;
}

function recordHash(r: ItlRecord): Uint8Array | undefined {
  return r.certHash ?? (r.certificate ? sha1(r.certificate) : undefined);
}

interface CertFacts {
  cn: string;
  issuer?: string;
  notAfter: number;
  notBefore: number;
  facts: Said;
}

/** A certificate's facts, read once per certificate (the map is recomputed on every change of the world). */
const factsCache = new WeakMap<Uint8Array, CertFacts>();
function readFacts(der: Uint8Array): CertFacts {
  const info = describeCertificate(der);
  if (!info.ok) return { cn: '?', facts: said('pictures.trust.unreadable', { reason: info.error }), notAfter: Number.POSITIVE_INFINITY, notBefore: 0 };
  const v = info.value;
  return {
    cn: commonName(v.subject) || v.subject.map(([k, x]) => `${k}=${x}`).join(', '),
    issuer: commonName(v.issuer),
    notAfter: v.notAfter.getTime(),
    notBefore: v.notBefore.getTime(),
    facts: said('pictures.trust.certFacts', { serial: toHex(v.serialNumber), until: date(v.notAfter.getTime()), sha1: toColonHex(sha1(der)) }),
  };
}

const hashCache = new WeakMap<Uint8Array, Uint8Array>();
function sha1Of(der: Uint8Array): Uint8Array {
  let h = hashCache.get(der);
  if (!h) hashCache.set(der, (h = sha1(der)));
  return h;
}

const storeId = (c: StoredCertificate) => `store:${c.node}:${c.purpose}:${c.fileName}`;

/** The trust map as seen from `device` (the phone whose MIC, LSC and stored ITL are drawn). */
export async function trustMapOf(world: TrustWorld, device: string): Promise<TrustMap> {
  const s = world.env.scenario;
  const now = world.now;
  const items: TrustItem[] = [];
  const links: TrustLink[] = [];
  const groups: TrustMap['groups'] = [];
  const all = world.env.certs.all();
  const identities = all.filter((c) => c.type !== 'trust-certs');
  const hashOf = new Map(all.map((c) => [c, sha1Of(c.der)]));

  const certFacts = (der: Uint8Array) => {
    let facts = factsCache.get(der);
    if (!facts) factsCache.set(der, (facts = readFacts(der)));
    return facts;
  };

  /** An ITL record (served by `where`, or stored on the phone) linked to the certificate it names by hash. */
  const nameLink = (id: string, r: ItlRecord, where: string): TrustLink => {
    const fn = r.function.name ?? `function ${r.function.code}`;
    const cn = cnOfItlName(r.subjectName);
    const hash = recordHash(r);
    const match = hash ? identities.find((c) => bytesEqual(hashOf.get(c)!, hash)) : undefined;
    if (match) return { id: `names:${id}`, kind: 'names', from: id, to: storeId(match), ok: true, said: said('pictures.trust.recordNames', { fn, node: where, name: cn, file: match.fileName, owner: match.node }) };
    // The certificate it names is gone: show what presents that name now, if anything.
    const current = identities.find((c) => commonName(c.info.subject) === cn);
    return {
      id: `names:${id}`,
      kind: 'names',
      from: id,
      to: current ? storeId(current) : undefined,
      ok: false,
      said: said('pictures.trust.recordNames', { fn, node: where, name: cn, file: current?.fileName ?? '—', owner: current?.node ?? '—' }),
      reason: current
        ? said('pictures.trust.recordStale', { fn, node: where, name: cn, old: hash ? toColonHex(hash) : '—', now: toColonHex(hashOf.get(current)!), file: current.fileName, owner: current.node })
        : said('pictures.trust.recordOrphan', { fn, node: where, name: cn }),
    };
  };

  // The cluster's stores: every node's own certificates, then its trust stores.
  for (const node of s.nodes) {
    const own = all.filter((c) => c.node === node.name && c.type !== 'trust-certs');
    const stores = [...new Set(all.filter((c) => c.node === node.name && c.type === 'trust-certs').map((c) => c.purpose))];
    if (own.length) groups.push({ column: 'store', title: node.name, items: own.map(storeId) });
    for (const c of own) {
      const f = certFacts(c.der);
      const expired = f.notAfter < now;
      items.push({
        id: storeId(c),
        column: 'store',
        group: node.name,
        label: c.fileName,
        name: f.cn,
        facts: f.facts,
        problem: expired ? said('pictures.trust.expired', { name: f.cn, file: c.fileName, node: node.name, date: date(f.notAfter) }) : undefined,
      });
    }
    for (const store of stores) {
      const entries = all.filter((c) => c.node === node.name && c.purpose === store);
      const title = `${node.name}: ${store}`;
      groups.push({ column: 'store', title, items: entries.map(storeId) });
      for (const c of entries) {
        const f = certFacts(c.der);
        items.push({ id: storeId(c), column: 'store', group: title, label: c.fileName, name: f.cn, facts: f.facts });
      }
    }
  }

  // The ITL each TFTP node serves, record by record, each naming a certificate by its hash.
  for (const node of s.nodes) {
    const served = world.servedItl(node.name);
    const title = `ITLFile.tlv on ${node.name}`;
    if (!served) {
      const id = `itl:${node.name}:none`;
      items.push({ id, column: 'itl', group: title, label: 'ITLFile.tlv', name: '—', problem: said('pictures.trust.noItl', { node: node.name }) });
      groups.push({ column: 'itl', title, items: [id] });
      continue;
    }
    const itl = await readItl(served.bytes);
    const ids: string[] = [];
    if (!itl.file) {
      const id = `itl:${node.name}:unreadable`;
      items.push({ id, column: 'itl', group: title, label: 'ITLFile.tlv', name: '—', problem: said('pictures.trust.itlUnreadable', { node: node.name, reason: itl.error ?? '' }) });
      groups.push({ column: 'itl', title, items: [id] });
      continue;
    }
    itl.file.records.forEach((r, i) => {
      const id = `itl:${node.name}:${i}`;
      ids.push(id);
      const fn = r.function.name ?? `function ${r.function.code}`;
      const cn = cnOfItlName(r.subjectName);
      const hash = recordHash(r);
      items.push({ id, column: 'itl', group: title, label: `${fn} record`, name: cn, facts: hash ? said('pictures.trust.recordFacts', { sha1: toColonHex(hash) }) : undefined });
      links.push(nameLink(id, r, node.name));
    });
    if (itl.error) items.find((x) => x.id === ids[0])!.problem = said('pictures.trust.itlNotVerified', { node: node.name, reason: itl.error });
    groups.push({ column: 'itl', title, items: ids });
  }

  // The phone: its MIC, its LSC, its stored ITL.
  const spec = s.phones.find((p) => p.deviceName === device);
  const flash = world.phoneContext(device)?.flash;
  if (spec && flash) {
    const ids: string[] = [];
    // CAPF checks a phone's MIC or LSC against CAPF-trust on the node where CAPF runs (the node that holds the
    // CAPF certificate), not against another node's copy of the store.
    const capfNodes = new Set(identities.filter((c) => c.purpose === 'CAPF').map((c) => c.node));
    const capfTrust = all.filter((c) => c.purpose === 'CAPF-trust' && capfNodes.has(c.node));
    const chain = async (which: 'MIC' | 'LSC', der: Uint8Array) => {
      const id = `phone:${device}:${which}`;
      ids.push(id);
      const f = certFacts(der);
      const expired = f.notAfter < now;
      items.push({
        id,
        column: 'phone',
        group: device,
        label: which,
        name: f.cn,
        facts: f.facts,
        problem: expired ? said('pictures.trust.phoneCertExpired', { which, device, date: date(f.notAfter) }) : undefined,
      });
      const issuer = await findAsync(capfTrust, (c) => signedBy(der, c.der));
      const anyIssuer = issuer ?? (await findAsync(all, (c) => signedBy(der, c.der)));
      const issuerName = f.issuer ?? '?';
      links.push({
        id: `issued:${id}`,
        kind: 'issued-by',
        from: id,
        to: (issuer ?? anyIssuer) ? storeId((issuer ?? anyIssuer)!) : undefined,
        ok: Boolean(issuer),
        said: said('pictures.trust.issuedBy', { which, device, issuer: issuerName }),
        reason: issuer ? undefined : said('pictures.trust.issuerNotTrusted', { which, device, issuer: issuerName }),
      });
    };
    if (flash.mic) await chain('MIC', flash.mic.der);
    if (flash.lsc) await chain('LSC', flash.lsc.der);
    if (flash.itl) {
      const stored = await readItl(flash.itl);
      if (!stored.file) {
        const id = `phone:${device}:itl`;
        ids.push(id);
        items.push({ id, column: 'phone', group: device, label: 'ITL', name: '—', problem: said('pictures.trust.storedUnreadable', { device, reason: stored.error ?? '' }) });
      } else {
        const file = stored.file;
        let signerId: string | undefined;
        file.records.forEach((r, i) => {
          const id = `phone:${device}:itl:${i}`;
          ids.push(id);
          const fn = r.function.name ?? `function ${r.function.code}`;
          const cn = cnOfItlName(r.subjectName);
          const hash = recordHash(r);
          items.push({ id, column: 'phone', group: device, label: `ITL: ${fn} record`, name: cn, facts: hash ? said('pictures.trust.recordFacts', { sha1: toColonHex(hash) }) : undefined });
          if (stored.signer && r.function.code === 0 && r.certificate && bytesEqual(r.certificate, stored.signer)) signerId ??= id;
          if (r.function.name !== 'CAPF') {
            links.push(nameLink(id, r, device));
            return;
          }
          // The CAPF record is the pin the phone checks CAPF's TLS certificate against.
          const pin = hash!;
          const presented = identities.filter((c) => c.purpose === 'CAPF');
          const match = presented.find((c) => bytesEqual(hashOf.get(c)!, pin));
          const current = match ?? presented[0];
          links.push({
            id: `pins:${id}`,
            kind: 'pins',
            from: id,
            to: current ? storeId(current) : undefined,
            ok: Boolean(match),
            said: said('pictures.trust.pinsCapf', { device, name: cn }),
            reason: match
              ? undefined
              : current
                ? said('pictures.trust.pinMismatch', { device, pin: toColonHex(pin), node: current.node, now: toColonHex(hashOf.get(current)!) })
                : said('pictures.trust.noCapf', { device }),
          });
        });
        if (!file.records.some((r) => r.function.name === 'CAPF')) {
          const id = `phone:${device}:itl-no-capf`;
          ids.push(id);
          items.push({ id, column: 'phone', group: device, label: 'ITL: CAPF record', name: '—', problem: said('pictures.trust.noCapfRecord', { device }) });
        }
        // Will the phone take the ITL its TFTP server serves now? Only from a signer it knows (or via TVS).
        const tftpNode = spec.tftpNode;
        const served = world.servedItl(tftpNode);
        if (served && signerId) {
          const now = await readItl(served.bytes);
          const same = bytesEqual(served.bytes, flash.itl);
          const knownSigner = now.signer ? file.records.some((r) => r.function.code === 0 && r.certificate && bytesEqual(sha1Of(r.certificate), sha1Of(now.signer!))) : false;
          const newSignerName = now.signer ? certFacts(now.signer).cn : '?';
          const signerIndex = now.file ? now.file.records.findIndex((r) => now.signer && r.certificate && bytesEqual(r.certificate, now.signer)) : -1;
          links.push({
            id: `signer:${signerId}`,
            kind: 'signer-known',
            from: signerId,
            to: now.file ? `itl:${tftpNode}:${Math.max(0, signerIndex)}` : `itl:${tftpNode}:unreadable`,
            ok: same || knownSigner,
            said: said(same ? 'pictures.trust.itlSame' : 'pictures.trust.itlSignerKnown', { device, node: tftpNode, signer: newSignerName }),
            reason: same || knownSigner ? undefined : said('pictures.trust.itlSignerUnknown', { device, node: tftpNode, signer: newSignerName }),
          });
        }
      }
    }
    groups.unshift({ column: 'phone', title: device, items: ids });
  }

  // What is broken on its own (an expired certificate, a node with no ITL) is listed with the broken links.
  for (const item of items) {
    if (item.problem && !links.some((l) => l.from === item.id && !l.ok)) {
      links.push({ id: `problem:${item.id}`, kind: 'names', from: item.id, ok: false, said: said('pictures.trust.itemProblem', { label: item.label, name: item.name, group: item.group }), reason: item.problem });
    }
  }
  return { device, items, links, groups };
}

async function findAsync<T>(list: readonly T[], test: (x: T) => Promise<boolean>): Promise<T | undefined> {
  for (const x of list) if (await test(x)) return x;
  return undefined;
}

export const MAP = { columnWidth: 250, gap: 70, margin: 16, title: 26, row: 40, groupGap: 18, top: 34 } as const;

export interface PlacedItem {
  item: TrustItem;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedGroup {
  title: string;
  column: Column;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLink {
  link: TrustLink;
  d: string;
  /** Where the link's mark (✓ or ✗) sits. */
  mark: { x: number; y: number };
}

const COLUMNS: Column[] = ['phone', 'itl', 'store'];

/** Where each group, item and link of the map is drawn: three columns, groups stacked in each. */
export function placeMap(map: TrustMap): { width: number; height: number; groups: PlacedGroup[]; items: Map<string, PlacedItem>; links: PlacedLink[]; columns: Array<{ column: Column; x: number }> } {
  const byId = new Map(map.items.map((i) => [i.id, i]));
  const items = new Map<string, PlacedItem>();
  const groups: PlacedGroup[] = [];
  let height = 0;
  const columns = COLUMNS.map((column, i) => ({ column, x: MAP.margin + i * (MAP.columnWidth + MAP.gap) }));
  for (const { column, x } of columns) {
    let y = MAP.top;
    for (const g of map.groups.filter((g) => g.column === column)) {
      const top = y;
      y += MAP.title;
      for (const id of g.items) {
        const item = byId.get(id);
        if (!item) continue;
        items.set(id, { item, x: x + 8, y, width: MAP.columnWidth - 16, height: MAP.row - 6 });
        y += MAP.row;
      }
      groups.push({ title: g.title, column, x, y: top, width: MAP.columnWidth, height: y - top + 4 });
      y += MAP.groupGap;
    }
    height = Math.max(height, y);
  }
  const links: PlacedLink[] = [];
  for (const link of map.links) {
    const a = items.get(link.from);
    if (!a) continue;
    const b = link.to ? items.get(link.to) : undefined;
    const ay = a.y + a.height / 2;
    if (!b) {
      // Nothing to reach: a short stub out of the item, ending in the broken mark.
      const x1 = a.x + a.width;
      links.push({ link, d: `M${x1},${ay} L${x1 + 34},${ay}`, mark: { x: x1 + 44, y: ay } });
      continue;
    }
    const by = b.y + b.height / 2;
    const rightward = b.x > a.x;
    const x1 = rightward ? a.x + a.width : a.x;
    const x2 = rightward ? b.x : b.x + b.width;
    const bend = Math.max(40, Math.abs(x2 - x1) / 3);
    const c1 = rightward ? x1 + bend : x1 - bend;
    const c2 = rightward ? x2 - bend : x2 + bend;
    links.push({ link, d: `M${x1},${ay} C${c1},${ay} ${c2},${by} ${x2},${by}`, mark: { x: (x1 + x2) / 2, y: (ay + by) / 2 } });
  }
  return { width: MAP.margin * 2 + 3 * MAP.columnWidth + 2 * MAP.gap, height: height + MAP.margin, groups, items, links, columns };
}
