/**
 * A fleet of phones (issue 13): the home page's phone summary and grid, the scenario chooser's phone count,
 * and the lab's words around the Bulk Administration and Find pages (the pages themselves stay English, as
 * CUCM prints them).
 */
export default {
  'fleet.summary.heading': 'Phones',
  'fleet.summary.intro': {
    one: 'The lab has {count} phone. Each cell of the grid is a phone: its letter and colour say its state, as the legend does in words.',
    other:
      'The lab has {count} phones; the drawing shows them as one box. Each cell of the grid is a phone: its letter and colour say its state, as the legend does in words.',
  },
  'fleet.counts.heading': 'Phones by state',
  'fleet.state.installed': 'LSC installed',
  'fleet.state.enrolling': 'CAPF operation under way',
  'fleet.state.failed': 'Last CAPF operation failed',
  'fleet.state.none': 'Registered, no LSC',
  'fleet.state.booting': 'Not registered yet',
  'fleet.grid.label': 'Phones of the lab',
  'fleet.grid.hint': 'Tab into the grid, move with the arrow keys (Home and End for the first and last phone), and press Enter or click to show a phone below.',
  'fleet.grid.cell': '{device}, {model}: {state}',
  'fleet.selected.heading': 'Phone {device}',
  'fleet.nav.allPhones': 'All {count} phones',
  'fleet.chooser.phones': 'Phones',
  'fleet.chooser.phonesHint': 'From 1 to {max}. Phone 1 is the scenario’s own; the others are drawn from the seed.',
  'fleet.chooser.phonesInvalid': 'The number of phones must be a whole number from 1 to {max}.',
  'fleet.ladder.choosePhone': 'The lab has {count} phones: choose one under “Device” above to draw its messages as a ladder. The table below lists every message.',
  'fleet.logs.pane': 'Log pane',
  'fleet.logs.count': { one: '{count} of {total} lines matches.', other: '{count} of {total} lines match.' },
  'fleet.logs.countWindowed': '{count} of {total} lines match; the pane draws the ones in view as you scroll, and Download saves all {count}.',
  'fleet.trace.count': { one: '{count} of {total} messages matches.', other: '{count} of {total} messages match.' },
  'fleet.trace.countWindowed': '{count} of {total} messages match; the list draws the ones in view as you scroll.',
  'fleet.report.saved': 'The CAPF report of {count} phones was saved as {file}.',
} as const;
