import type en from '../en/codes';
import type { Translation } from '../format';

/** Completion codes, share links and lab files: why one is refused, and the verification's verdicts. */
export default {
  'codes.code.empty': 'Der Abschlusscode ist leer.',
  'codes.code.notACode': 'Dies ist kein Abschlusscode von LSC Lab (ein Code beginnt mit „LSC1.“).',
  'codes.code.encoding': 'Der Abschlusscode enthält Zeichen, die in einem Code nie vorkommen: Ein Teil davon fehlt möglicherweise oder wurde verändert.',
  'codes.code.tampered': 'Der Abschlusscode wurde nach seiner Erstellung verändert oder gekürzt: Seine Prüfsumme stimmt nicht.',
  'codes.code.damaged': 'Der Abschlusscode ist beschädigt und kann nicht gelesen werden.',
  'codes.code.tooLarge': 'Der Abschlusscode ist viel größer als jedes Lab: Er wurde nicht gelesen.',
  'codes.link.empty': 'Der Link enthält kein Lab.',
  'codes.link.version': 'Dieser Link stammt aus einer anderen Version von LSC Lab (sein Format ist nicht v=1).',
  'codes.link.encoding': 'Der Link enthält Zeichen, die in einem Lab-Link nie vorkommen: Ein Teil davon fehlt möglicherweise oder wurde verändert.',
  'codes.link.tampered': 'Der Link wurde nach seiner Erstellung verändert oder gekürzt: Seine Prüfsumme stimmt nicht.',
  'codes.link.damaged': 'Das Lab im Link ist beschädigt und kann nicht gelesen werden.',
  'codes.link.tooLarge': 'Das Lab im Link ist viel größer als jedes Lab: Es wurde nicht gelesen.',
  'codes.malformed.actions': 'Die Liste der Aktionen ist beschädigt.',
  'codes.malformed.action': 'Aktion {n} ist beschädigt ({why}).',
  'codes.verify.unknownExercise': 'Der Code gehört zu einer Übung, die diese Version des Labs nicht hat: „{exercise}“.',
  'codes.verify.exerciseVersion': 'Der Code wurde für Version {made} der Übung „{exercise}“ erstellt; dieses Lab hat Version {current}, daher kann sein Ergebnis hier nicht geprüft werden.',
  'codes.verify.simVersion': 'Der Code wurde mit Simulationsversion {made} erstellt; dieses Lab läuft mit Version {current}, daher kann sein Ergebnis hier nicht geprüft werden.',
  'codes.verify.seedMismatch': 'Das Lab des Codes gehört nicht zum Namen „{name}“: Der Name oder das Lab wurde nach der Erstellung des Codes geändert.',
  'codes.verify.cannotBuild': 'Das Lab des Codes kann nicht wiederhergestellt werden: {why}',
  'codes.verify.internal': 'Beim Nachspielen des Codes ist im Lab ein Fehler aufgetreten: {why}',
  'codes.verify.solved': 'gelöst',
  'codes.verify.notSolved': 'nicht gelöst',
} satisfies Translation<typeof en>;
