import type en from '../en/tutorial';
import type { Translation } from '../format';

/** The guided tutorials. */
export default {
  'tutorial.title': 'Tutorial',
  'tutorial.intro': 'Zwei geführte Rundgänge durch das laufende Lab. Das geöffnete Tutorial bleibt neben jeder Seite stehen, so verlieren Sie nie den Faden.',
  'tutorial.open': 'Dieses Tutorial öffnen',
  'tutorial.opened': 'Neben den Seiten geöffnet',
  'tutorial.close': 'Tutorial schließen',
  'tutorial.done': 'Erledigt',
  'tutorial.notYet': 'Noch nicht',
  'tutorial.complete': 'Tutorial abgeschlossen',
  'tutorial.stepsDone': '{count} von {total} Schritten erledigt',
  'tutorial.why': 'Warum',
  'tutorial.where': 'Wo',
  'tutorial.expect': 'Was Sie sehen sollten',
  'tutorial.go': 'Seite öffnen',
  'tutorial.goNamed': 'Seite öffnen: {title}',
  'tutorial.openNamed': 'Dieses Tutorial öffnen: {title}',
  'tutorial.inExercise': 'Sie sind in einer Übung: Das Tutorial liest das Lab dieser Übung. Verlassen Sie die Übung, um dem Tutorial in Ihrem freien Lab zu folgen.',
  'tutorial.panel': 'Tutorial',
  'tutorial.current': 'Nächster Schritt',
  'tutorial.panelHeading': '{panel}: {title}',
} satisfies Translation<typeof en>;
