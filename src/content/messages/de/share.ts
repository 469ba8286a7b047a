import type en from '../en/share';
import type { Translation } from '../format';

/** Share links and lab files. */
export default {
  'share.title': 'Dieses Lab teilen',
  'share.intro': 'Ein Link baut dieses Lab – Szenario, Seed, Start, Fehler und Ihre Aktionen – in einem anderen Browser neu auf. Nichts wird hochgeladen: Das Lab steckt im Link selbst.',
  'share.link': 'Link zu diesem Lab',
  'share.long': { one: 'Dieses Lab ist lang ({count} Zeichen): Eine Lab-Datei lässt sich leichter weitergeben als ein Link.', other: 'Dieses Lab ist lang ({count} Zeichen): Eine Lab-Datei lässt sich leichter weitergeben als ein Link.' },
  'share.saveFile': 'Als Lab-Datei speichern',
  'share.openTitle': 'Lab-Datei öffnen',
  'share.openFile': 'Lab-Datei',
  'share.fileTooLarge': 'Die Datei ist größer als 1 MB: Sie ist keine Lab-Datei.',
  'share.incomingTitle': 'Geteiltes Lab öffnen',
  'share.summary': 'Szenario „{scenario}“, {actions} Aktionen, erreichte virtuelle Zeit {when}.',
  'share.summaryExercise': 'Die Übung „{exercise}“, {actions} Aktionen.',
  'share.withFaults': { one: 'Es beginnt mit {count} Fehler.', other: 'Es beginnt mit {count} Fehlern.' },
  'share.replaceQuestion': 'Ihr Lab durch dieses ersetzen? Ihr aktuelles Lab in diesem Browser geht verloren (das Lab einer Übung ersetzt nur das Lab dieser Übung).',
  'share.replace': 'Mein Lab ersetzen',
  'share.cancel': 'Mein Lab behalten',
  'share.refused': 'Dieses Lab kann nicht geöffnet werden: {why}',
  'share.opening': 'Das geteilte Lab wird neu aufgebaut…',
  'share.simVersion': 'es wurde mit Simulationsversion {made} erstellt; dieses Lab läuft mit Version {current}.',
  'share.cannotOpen': '{why}',
} satisfies Translation<typeof en>;
