/**
 * The lab's pictures: the statechart diagrams, the ladder diagram of the message trace, the trust map and
 * the topology's moving messages. Names of states, events, certificates and hosts come from the world and
 * stay as the machines and products spell them.
 */
export default {
  'pictures.zoomIn': 'Zoom in',
  'pictures.zoomOut': 'Zoom out',
  'pictures.fit': 'Fit to view',

  'pictures.statecharts.intro':
    'Each component of the lab is a state machine. Its diagram below is generated from the machine’s definition and laid out automatically: states are boxes (child states inside their parent), a black dot points at the initial state of each group, and every arrow is a transition labelled with what triggers it, its guard in brackets and its actions after a slash. The states the running component is in now are filled blue and marked “active”; the transition it just took is drawn in orange. Select a state to read its details; the whole chart is also written out as text below the diagram.',
  'pictures.statecharts.diagramHeading': 'Diagram',
  'pictures.statecharts.textHeading': 'Text view',
  'pictures.statecharts.diagramLabel': 'Statechart diagram of the machine {machine}',
  'pictures.statecharts.viewControls': 'Diagram view',
  'pictures.statecharts.howToMove':
    'Drag to pan, use the mouse wheel to zoom. With the keyboard: Tab into the diagram, arrow keys to walk the states, Enter to select one, + and − to zoom.',
  'pictures.statecharts.stateName': 'State {name}',
  'pictures.statecharts.stateActive': 'active',
  'pictures.statecharts.stateFinal': 'final state',
  'pictures.statecharts.layingOut': 'Laying out the diagram…',
  'pictures.statecharts.layoutFailed': 'The diagram could not be laid out ({reason}). The text view below has the same states and transitions.',
  'pictures.statecharts.selectedHeading': 'Selected state: {state}',
  'pictures.statecharts.selectedNone': 'Selected state',
  'pictures.statecharts.selectHint': 'Select a state in the diagram to see what it does on entry and exit, what it invokes and every transition that leaves it.',
  'pictures.statecharts.noTransitionYet': 'No transition taken since this page opened.',
  'pictures.statecharts.lastTransition': 'Last transition: from {from} to {to}, on {trigger}.',
  'pictures.statecharts.lastInternal': 'Last transition: {state} stayed where it was and ran its actions, on {trigger}.',
  'pictures.ladder.heading': 'Ladder diagram',
  'pictures.ladder.intro':
    'Each host is a column; each message is an arrow from its sender to its receiver, in the order the network carried it, with its time on the left. Red marks what failed on the wire: a refused connection and the RST that answers it, a message lost on the way (it ends in a cross), and the silence after it on the sender’s line. Select an arrow to inspect the message.',
  'pictures.ladder.label': { one: 'Ladder diagram of {count} message', other: 'Ladder diagram of {count} messages' },
  'pictures.ladder.arrowLabel': 'Message {no} at {time}: {label}, from {from} to {to}.',
  'pictures.ladder.failure.dropped': 'Lost on the way: nothing came back.',
  'pictures.ladder.failure.refused': 'Refused: nothing listens on that port.',
  'pictures.ladder.failure.unreachable': 'Unreachable: the host answered that nothing listens on that port.',
  'pictures.ladder.failure.reset': 'A reset (RST): the connection is refused.',
  'pictures.ladder.gap': '… {after} later',
  'pictures.ladder.gaveUp': 'gave up: {text}',
  'pictures.ladder.silenceGaveUp': 'no answer; gave up after {after}',
  'pictures.ladder.silenceRetried': 'no answer; tried again after {after}',
  'pictures.ladder.silenceOngoing': 'no answer for {after} so far',
  'pictures.ladder.silencesHeading': 'Messages that got no answer',
  'pictures.ladder.silenceItem': 'Message {no}, {label} from {from} to {to}: {what}.',
  'pictures.ladder.silenceLog': 'The sender’s log at that moment: “{text}”',
  'pictures.ladder.follow': 'Follow the clock (keep the newest message in view)',
  'pictures.ladder.export': 'Export the ladder as SVG',
  'pictures.ladder.exportTitle': 'Ladder diagram of the lab’s messages ({count} messages)',
  'pictures.ladder.empty': 'No message to draw with these filters.',
  'pictures.ladder.hosts': 'Hosts',
  'pictures.ladder.device': 'Device',
  'pictures.ladder.allDevices': 'All devices',
  'pictures.ladder.deviceHint': 'With a device chosen, the ladder and the table keep that phone’s messages and the messages between servers on its behalf.',
  'pictures.ladder.tableHeading': 'Messages as a table',
} as const;
