/** The ladder's words in the learner's language (the picture on the page and the exported SVG say the same). */
import type { TimeZoneRule } from '../../sim/time';
import { t } from '../i18n.svelte';
import { packetTime } from './format';
import { duration, type LadderSilence, type LadderTexts } from './ladder';

export function silenceText(s: LadderSilence): string {
  if (s.ended === 'gave-up') return t('pictures.ladder.silenceGaveUp', { after: duration(s.ms) });
  if (s.ended === 'retried') return t('pictures.ladder.silenceRetried', { after: duration(s.ms) });
  return t('pictures.ladder.silenceOngoing', { after: duration(s.ms) });
}

export function ladderTexts(zone: TimeZoneRule, title: string): LadderTexts {
  return {
    title,
    silence: silenceText,
    gap: (ms) => t('pictures.ladder.gap', { after: duration(ms) }),
    time: (p) => packetTime(p, zone),
  };
}
