import type en from '../en/fleet';
import type { Translation } from '../format';

/** Eine Flotte von Telefonen: Übersicht, Raster, Anzahl im Szenario; die CUCM-Seiten selbst bleiben englisch. */
export default {
  'fleet.summary.heading': 'Telefone',
  'fleet.summary.intro': {
    one: 'Das Lab hat {count} Telefon. Jede Zelle des Rasters ist ein Telefon: Buchstabe und Farbe nennen seinen Zustand, die Legende sagt ihn in Worten.',
    other:
      'Das Lab hat {count} Telefone; die Zeichnung zeigt sie als ein Feld. Jede Zelle des Rasters ist ein Telefon: Buchstabe und Farbe nennen seinen Zustand, die Legende sagt ihn in Worten.',
  },
  'fleet.counts.heading': 'Telefone nach Zustand',
  'fleet.state.installed': 'LSC installiert',
  'fleet.state.enrolling': 'CAPF-Vorgang läuft',
  'fleet.state.failed': 'Letzter CAPF-Vorgang fehlgeschlagen',
  'fleet.state.none': 'Registriert, kein LSC',
  'fleet.state.booting': 'Noch nicht registriert',
  'fleet.grid.label': 'Telefone des Labs',
  'fleet.grid.hint': 'Springen Sie mit Tab in das Raster, bewegen Sie sich mit den Pfeiltasten (Pos1 und Ende für das erste und letzte Telefon) und drücken Sie die Eingabetaste oder klicken Sie, um ein Telefon unten anzuzeigen.',
  'fleet.grid.cell': '{device}, {model}: {state}',
  'fleet.selected.heading': 'Telefon {device}',
  'fleet.nav.allPhones': 'Alle {count} Telefone',
  'fleet.chooser.phones': 'Telefone',
  'fleet.chooser.phonesHint': 'Von 1 bis {max}. Telefon 1 ist das des Szenarios; die anderen werden aus dem Seed erzeugt.',
  'fleet.chooser.phonesInvalid': 'Die Anzahl der Telefone muss eine ganze Zahl von 1 bis {max} sein.',
  'fleet.ladder.choosePhone': 'Das Lab hat {count} Telefone: Wählen Sie oben unter „Device“ eines aus, um seine Nachrichten als Sequenzdiagramm zu zeichnen. Die Tabelle unten listet jede Nachricht.',
  'fleet.logs.pane': 'Protokollbereich',
  'fleet.logs.count': { one: '{count} von {total} Zeilen passt.', other: '{count} von {total} Zeilen passen.' },
  'fleet.logs.countWindowed': '{count} von {total} Zeilen passen; der Bereich zeichnet beim Scrollen die sichtbaren, und Download speichert alle {count}.',
  'fleet.trace.count': { one: '{count} von {total} Nachrichten passt.', other: '{count} von {total} Nachrichten passen.' },
  'fleet.trace.countWindowed': '{count} von {total} Nachrichten passen; die Liste zeichnet beim Scrollen die sichtbaren.',
  'fleet.report.saved': 'Der CAPF-Bericht über {count} Telefone wurde als {file} gespeichert.',
} satisfies Translation<typeof en>;
