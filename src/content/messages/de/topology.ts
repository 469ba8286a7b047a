import type en from '../en/topology';
import type { Translation } from '../format';

/** The home page's topology (its device choice is the ladder's too): loaded with the first paint. */
export default {
  'pictures.ladder.allDevices': 'Alle Geräte',
  'pictures.topology.follow': 'Nachrichten verfolgen von',
  'topology.intro': 'Die Hosts des Labs und ihr aktueller Zustand. Wählen Sie einen Host in der Zeichnung, um zu seiner Karte zu springen; jede Karte öffnet die Seiten, die CLI und die Protokolle dieses Hosts.',
  'topology.subnet': 'Alle Hosts teilen sich ein Netzwerk ({subnet}).',
  'topology.drawing': 'Netzwerkzeichnung des Labs',
  'topology.switch': 'LAN-Switch',
  'topology.hostLabel': '{name}, {role}, {ip}: {facts}',
  'topology.hostLabelDown': '{name}, {role}, {ip}, ausgefallen: {facts}',
  'topology.down': '{name} (ausgefallen)',
  'topology.newest': 'Neueste Nachricht: Nr. {no}, {protocol} von {from} an {to}: {summary}.',
  'topology.newestFailed': 'Neueste Nachricht: Nr. {no}, {protocol} von {from} an {to}: {summary} ({outcome}).',
  'topology.openTrace': 'Nachrichtenfluss öffnen',
  'topology.noMessage': 'Noch keine Nachricht hat das Netzwerk durchquert.',
  'topology.hosts': 'Hosts',
  'topology.cardDown': '{role}, {ip} – ausgefallen: nichts erreicht ihn',
  'topology.openOn': 'Auf {host} öffnen',
  'topology.scenario.heading': 'Szenario',
  'topology.scenario.label': 'Szenario',
  'topology.scenario.start': 'Dieses Szenario starten',
  'topology.scenario.confirm': 'Ein neues Lab mit „{title}“ starten? Alles, was Sie in diesem Lab bisher getan haben, und alle ausgelösten Fehler gehen verloren.',
  'topology.scenario.confirmStart': 'Neues Lab starten',
  'topology.scenario.cancel': 'Abbrechen',
  'topology.scenario.starting': 'Ein neues Lab wird gestartet: „{title}“…',
  'topology.scenario.started': 'Ein neues Lab ist gestartet: „{title}“.',
  'topology.scenario.failed': 'Das neue Lab konnte nicht starten: {reason}',
} satisfies Translation<typeof en>;
