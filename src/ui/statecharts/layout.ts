/**
 * A statechart as a picture: the chart read from a machine definition (model.ts) becomes an ELK graph —
 * compound states as nodes holding their children, a small initial marker in each compound state with an
 * arrow to its initial child, every transition an edge with its `event [guard] / actions` label — and
 * ELK's layered, hierarchical layout (what Stately's editor uses) places it. Pure: no DOM, no ELK import;
 * the engine that runs ELK (a Web Worker in the browser) is handed in, and each machine's layout is
 * computed once and cached by the chart's own content, so an unchanged definition is never laid out twice.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ChartState, ChartTransition } from './model';

/** What runs ELK: `layout(graph)` resolves to the same graph with positions. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface DiagramState {
  /** The chart path ("" for the machine itself). */
  path: string;
  key: string;
  type: ChartState['type'];
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  compound: boolean;
  /** A region of a parallel state (drawn with a dashed border, side by side with its sibling regions). */
  region: boolean;
  /** The second line of an atomic box ("invokes judgeTrustList"), when there is one. */
  note?: string;
}

export interface DiagramEdge {
  id: string;
  /** Source state path, and the index of the transition in that state's `transitions`. */
  source: string;
  transition: number;
  target: string;
  kind: ChartTransition['kind'] | 'initial';
  /** The label as drawn (shortened to fit) and in full. */
  lines: string[];
  full: string;
  /** SVG path data in diagram coordinates. */
  d: string;
  label?: { x: number; y: number; width: number; height: number };
}

export interface Diagram {
  width: number;
  height: number;
  states: DiagramState[];
  edges: DiagramEdge[];
  initials: Array<{ parent: string; x: number; y: number; r: number }>;
  /** Where a transition leaves a compound state for one of its own children, or re-enters an ancestor. */
  markers: Array<{ owner: string; x: number; y: number; r: number }>;
}

/** Sizes the drawing uses; text widths are estimated (Arial 12/11 px), the worker has no DOM to measure. */
export const METRICS = {
  nameFont: 12,
  labelFont: 11,
  charWidth: 6.6,
  labelCharWidth: 6.7,
  lineHeight: 14,
  atomicHeight: 34,
  header: 30,
  pad: 12,
  maxLabelChars: 34,
  initial: 12,
} as const;

const stateId = (path: string) => `s:${path}`;
const initialId = (path: string) => `i:${path}`;
/** A marker inside `owner` for transition `i`, target `k` (of `source` when it is not the owner). */
const proxyId = (owner: string, i: number, k: number, source = owner) => `p:${owner}|${source}#${i}>${k}`;
/** Whether state `a` strictly contains state `b` ("" is the machine itself). */
const isAncestor = (a: string, b: string) => a !== b && (a === '' || b.startsWith(`${a}.`));

/** A transition's label as a person reads it: trigger, guard in brackets, actions after a slash. */
export function transitionText(t: ChartTransition): string {
  return `${t.trigger}${t.guard ? ` [${t.guard}]` : ''}${t.actions.length ? ` / ${t.actions.join(', ')}` : ''}`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The label in at most two drawn lines: the trigger and guard, then the actions. */
export function labelLines(t: ChartTransition): string[] {
  const first = shorten(`${t.trigger}${t.guard ? ` [${t.guard}]` : ''}`, METRICS.maxLabelChars);
  return t.actions.length ? [first, shorten(`/ ${t.actions.join(', ')}`, METRICS.maxLabelChars)] : [first];
}

function noteOf(c: ChartState): string | undefined {
  if (c.children.length) return undefined;
  if (c.invokes.length) return `invokes ${c.invokes.join(', ')}`;
  return undefined;
}

function textWidth(text: string, perChar: number): number {
  return Math.ceil(text.length * perChar);
}

/** The ELK input for a chart. Edge and node ids encode paths, so the result maps back without a table. */
export function chartGraph(chart: ChartState): ElkNode {
  const edges: ElkExtendedEdge[] = [];
  const paths = new Set<string>();
  const collect = (c: ChartState) => {
    paths.add(c.path);
    c.children.forEach(collect);
  };
  collect(chart);

  const reentries = new Map<string, ElkNode[]>();
  const build = (c: ChartState, root: boolean): ElkNode => {
    const name = root ? `machine ${c.key}` : c.key;
    // Room for the name and, beside it, the words "● active" when the state is active.
    const nameWidth = textWidth(name, METRICS.charWidth) + 2 * METRICS.pad + 64;
    const proxies: ElkNode[] = [];
    c.transitions.forEach((t, i) => {
      t.targets.forEach((target, k) => {
        if (!paths.has(target)) return;
        const lines = labelLines(t);
        // ELK cannot connect a node with its own descendant: a transition from a compound state into one of
        // its children starts at a small marker inside it ("from any state of X"), and one from a child to an
        // ancestor ends at a marker inside that ancestor ("re-enters X").
        let from = stateId(c.path);
        let to = stateId(target);
        if (isAncestor(c.path, target)) {
          from = proxyId(c.path, i, k);
          proxies.push({ id: from, width: METRICS.initial, height: METRICS.initial });
        } else if (isAncestor(target, c.path)) {
          to = proxyId(target, i, k, c.path);
          reentries.set(target, [...(reentries.get(target) ?? []), { id: to, width: METRICS.initial, height: METRICS.initial }]);
        }
        edges.push({
          id: `t:${c.path}#${i}>${k}`,
          sources: [from],
          targets: [to],
          labels: [
            {
              text: lines.join('\n'),
              width: Math.max(...lines.map((l) => textWidth(l, METRICS.labelCharWidth))) + 4,
              height: lines.length * METRICS.lineHeight + 2,
            },
          ],
        });
      });
    });
    if (c.children.length === 0) {
      const note = noteOf(c);
      const width = Math.max(nameWidth, note ? textWidth(note, METRICS.labelCharWidth) + 2 * METRICS.pad : 0, 90);
      return { id: stateId(c.path), width, height: METRICS.atomicHeight + (note ? METRICS.lineHeight : 0) };
    }
    const children = [...c.children.map((child) => build(child, false)), ...proxies, ...(reentries.get(c.path) ?? [])];
    if (c.type === 'compound' && c.initial !== undefined) {
      const target = c.children.find((k) => k.key === c.initial);
      if (target) {
        children.unshift({ id: initialId(c.path), width: METRICS.initial, height: METRICS.initial });
        edges.push({ id: `init:${c.path}`, sources: [initialId(c.path)], targets: [stateId(target.path)] });
      }
    }
    return {
      id: stateId(c.path),
      children,
      layoutOptions: {
        'elk.padding': `[top=${METRICS.header + 6},left=${METRICS.pad},bottom=${METRICS.pad},right=${METRICS.pad}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${nameWidth},${METRICS.header + 30})`,
      },
    };
  };

  const root = build(chart, true);
  return {
    ...root,
    edges,
    layoutOptions: {
      ...root.layoutOptions,
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'SPLINES',
      'elk.layered.spacing.nodeNodeBetweenLayers': '46',
      'elk.spacing.nodeNode': '34',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
  };
}

const num = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;

function sectionPath(e: ElkExtendedEdge): string {
  const parts: string[] = [];
  for (const s of e.sections ?? []) {
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
    parts.push(`M${num(points[0].x)},${num(points[0].y)}`);
    // ELK's spline routing hands back Bézier control points: start, (c1, c2, end)*.
    if ((points.length - 1) % 3 === 0 && points.length > 2) {
      for (let i = 1; i < points.length; i += 3) {
        parts.push(`C${num(points[i].x)},${num(points[i].y)} ${num(points[i + 1].x)},${num(points[i + 1].y)} ${num(points[i + 2].x)},${num(points[i + 2].y)}`);
      }
    } else {
      for (const p of points.slice(1)) parts.push(`L${num(p.x)},${num(p.y)}`);
    }
  }
  return parts.join(' ');
}

/** Turn ELK's answer into what the page draws (absolute coordinates: shapeCoords/edgeCoords ROOT). */
export function diagramOf(chart: ChartState, laid: ElkNode): Diagram {
  const byPath = new Map<string, ChartState>();
  const collect = (c: ChartState) => {
    byPath.set(c.path, c);
    c.children.forEach(collect);
  };
  collect(chart);
  const states: DiagramState[] = [];
  const initials: Diagram['initials'] = [];
  const markers: Diagram['markers'] = [];
  const edges: DiagramEdge[] = [];
  const walk = (n: ElkNode, depth: number, parentType?: ChartState['type']) => {
    if (n.id.startsWith('p:')) {
      markers.push({ owner: n.id.slice(2).split('|')[0], x: num((n.x ?? 0) + METRICS.initial / 2), y: num((n.y ?? 0) + METRICS.initial / 2), r: METRICS.initial / 2 });
      return;
    }
    if (n.id.startsWith('i:')) {
      initials.push({ parent: n.id.slice(2), x: num((n.x ?? 0) + METRICS.initial / 2), y: num((n.y ?? 0) + METRICS.initial / 2), r: METRICS.initial / 2 });
      return;
    }
    const path = n.id.slice(2);
    const c = byPath.get(path);
    if (!c) return;
    states.push({
      path,
      key: c.key,
      type: c.type,
      x: num(n.x),
      y: num(n.y),
      width: num(n.width),
      height: num(n.height),
      depth,
      compound: c.children.length > 0,
      region: parentType === 'parallel',
      note: noteOf(c),
    });
    for (const child of n.children ?? []) walk(child, depth + 1, c.type);
  };
  walk({ ...laid, x: 0, y: 0 }, 0);
  const allEdges = (n: ElkNode): ElkExtendedEdge[] => [...(n.edges ?? []), ...(n.children ?? []).flatMap(allEdges)];
  for (const e of allEdges(laid)) {
    if (e.id.startsWith('init:')) {
      edges.push({ id: e.id, source: e.id.slice(5), transition: -1, target: e.targets[0].slice(2), kind: 'initial', lines: [], full: '', d: sectionPath(e) });
      continue;
    }
    const m = /^t:(.*)#(\d+)>(\d+)$/.exec(e.id);
    if (!m) continue;
    const source = m[1];
    const t = byPath.get(source)?.transitions[Number(m[2])];
    if (!t) continue;
    const label = e.labels?.[0];
    edges.push({
      id: e.id,
      source,
      transition: Number(m[2]),
      target: t.targets[Number(m[3])],
      kind: t.kind,
      lines: labelLines(t),
      full: transitionText(t),
      d: sectionPath(e),
      label: label ? { x: num(label.x), y: num(label.y), width: num(label.width), height: num(label.height) } : undefined,
    });
  }
  return { width: num(laid.width), height: num(laid.height), states, edges, initials, markers };
}

/** A stable key for a chart's content: the cache hit for every phone of a lab, and after a page reload. */
export function chartKey(chart: ChartState): string {
  const text = JSON.stringify(chart);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${chart.key}:${text.length}:${(h >>> 0).toString(16)}`;
}

const cache = new Map<string, Promise<Diagram>>();

/** The laid-out diagram of a chart, computed once per machine definition. A failed layout is not kept. */
export function layoutChart(chart: ChartState, engine: LayoutEngine): Promise<Diagram> {
  const key = chartKey(chart);
  let hit = cache.get(key);
  if (!hit) {
    hit = engine.layout(chartGraph(chart)).then((laid) => diagramOf(chart, laid));
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/** How many layouts ran (tests: the cache answers a second request for the same machine). */
export function cachedLayouts(): number {
  return cache.size;
}

let engineOverride: (() => Promise<LayoutEngine>) | undefined;

/**
 * Run layouts with another engine (tests in Node run ELK in-process: Node has no Web Worker). The page
 * never calls this.
 */
export function useLayoutEngine(factory: (() => Promise<LayoutEngine>) | undefined): void {
  engineOverride = factory;
}

/** The engine the page lays charts out with: ELK in a Web Worker, loaded on first use. */
export function layoutEngine(): Promise<LayoutEngine> {
  return engineOverride ? engineOverride() : import('./elk-engine').then((m) => m.workerEngine());
}
