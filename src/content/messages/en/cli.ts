/** The admin CLI page: the lab's own words around the node's terminal (what the node prints stays English). */
export default {
  'cli.keysHint': 'Tab completes a command, Arrow Up and Down walk the history, help lists the commands. On an empty line Tab moves on.',
  'cli.choices': 'Possible completions: {choices}',
} as const;
