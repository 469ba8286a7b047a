/** Which tutorial steps are done: the world's state and history for what changes it, learner events for looks. */
import { interpolate } from '../messages/format';
import { runCheck } from '../checks';
import { textFacts } from '../exercises/run';
import type { LearnerEvent } from '../learner-events';
import type { LabWorld } from '../../sim/world';
import type { DoneRule, Tutorial } from './index';

function holds(rule: DoneRule, world: LabWorld, events: readonly LearnerEvent[], facts: Record<string, string>): boolean {
  if ('all' in rule) return rule.all.every((r) => holds(r, world, events, facts));
  if ('any' in rule) return rule.any.some((r) => holds(r, world, events, facts));
  if ('check' in rule) return runCheck(world, rule.check).passed;
  if ('looked' in rule) {
    const want = Object.entries(rule.looked.params ?? {}).map(([k, v]) => [k, interpolate('en', v, facts)] as const);
    return events.some((e) => e.kind === 'page' && e.path === rule.looked.path && want.every(([k, v]) => e.params[k] === v));
  }
  if ('downloaded' in rule) return events.some((e) => e.kind === 'download' && e.file.endsWith(rule.downloaded));
  if ('ran' in rule) {
    const nodes =
      rule.ran.on === 'publisher'
        ? [facts.publisher]
        : world.env.scenario.nodes.filter((n) => world.env.db.isActivated(n.name, 'tftp')).map((n) => n.name);
    const want = rule.ran.command.toLowerCase();
    const ran = new Set(
      world.actions
        .filter((a) => a.by === 'learner' && a.action.type === 'cli' && a.action.command.trim().replace(/\s+/g, ' ').toLowerCase() === want)
        .map((a) => (a.action as { node: string }).node),
    );
    return nodes.every((n) => ran.has(n));
  }
  const { type, match = {} } = rule.did;
  return world.actions.some((a) => a.action.type === type && Object.entries(match).every(([k, v]) => (a.action as unknown as Record<string, unknown>)[k] === v));
}

/** Done or not, for each step of the tutorial, on this lab. */
export function tutorialProgress(tutorial: Tutorial, world: LabWorld, events: readonly LearnerEvent[]): boolean[] {
  const facts = textFacts(world);
  return tutorial.steps.map((s) => holds(s.done, world, events, facts));
}
