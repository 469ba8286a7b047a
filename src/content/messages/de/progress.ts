import type en from '../en/progress';
import type { Translation } from '../format';

/** Progress files: why one is refused. */
export default {
  'progress.empty': 'Die Datei ist leer.',
  'progress.tooLarge': 'Die Datei ist viel größer als jede Fortschrittsdatei: Sie wurde nicht gelesen.',
  'progress.notJson': 'Dies ist keine Fortschrittsdatei (kein JSON).',
  'progress.notProgress': 'Dies ist keine Fortschrittsdatei von LSC Lab.',
  'progress.newer': 'Die Fortschrittsdatei stammt aus einer neueren Version von LSC Lab (Format {version}); aktualisieren Sie das Lab, um sie zu lesen.',
  'progress.older': 'Das Format {version} der Fortschrittsdatei ist zu alt, um gelesen zu werden.',
  'progress.damaged': 'Die Fortschrittsdatei ist beschädigt.',
  'progress.damagedEntry': 'Der Fortschritt der Übung „{exercise}“ in der Datei ist beschädigt.',
} satisfies Translation<typeof en>;
