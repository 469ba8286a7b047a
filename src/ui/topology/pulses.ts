/**
 * Messages moving along the topology's links as the clock runs: each new message of the packet trace is a
 * dot travelling from its sender's box through the LAN switch to its receiver's (a lost one stops at the
 * switch). Pure geometry; the page animates it, and stills it under prefers-reduced-motion.
 */
import type { Packet } from '../../sim/network';
import { BOX, type TopologyView } from './model';

export interface Pulse {
  id: number;
  from: string;
  to: string;
  failed: boolean;
  points: Array<{ x: number; y: number }>;
  /** Real ms when it starts moving. */
  start: number;
}

/** A pulse's trip takes this long (real time), whatever the clock's speed. */
export const PULSE_MS = 700;
/** At most this many dots at once: at 60× a busy lab sends far more messages than an eye can follow. */
export const MAX_PULSES = 6;

function linkEnd(view: TopologyView, host: string): { x: number; y: number } | undefined {
  // A fleet's phones are one box: a host not drawn on its own is one of them.
  const h = view.hosts.find((x) => x.name === host) ?? (view.fleet ? view.hosts.find((x) => x.kind === 'fleet') : undefined);
  if (!h) return undefined;
  return { x: h.x < view.switchAt.x ? h.x + BOX.w / 2 : h.x - BOX.w / 2, y: h.y };
}

export function pulseOf(view: TopologyView, p: Packet, start: number): Pulse | undefined {
  const a = linkEnd(view, p.from.host);
  const b = linkEnd(view, p.to.host);
  if (!a || !b) return undefined;
  const lost = p.outcome === 'dropped';
  return { id: p.no, from: p.from.host, to: p.to.host, failed: p.outcome !== 'delivered', points: lost ? [a, view.switchAt] : [a, view.switchAt, b], start };
}

/** Where a pulse is at `progress` (0…1) along its polyline. */
export function pointAt(points: ReadonlyArray<{ x: number; y: number }>, progress: number): { x: number; y: number } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = Math.max(0, Math.min(1, progress)) * total;
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] ? Math.min(1, left / lengths[i]) : 1;
      return { x: points[i].x + (points[i + 1].x - points[i].x) * f, y: points[i].y + (points[i + 1].y - points[i].y) * f };
    }
    left -= lengths[i];
  }
  return points[points.length - 1];
}

/** Whether the learner's system asks for reduced motion (no animation at all then). */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
