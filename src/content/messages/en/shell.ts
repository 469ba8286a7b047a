/** The lab's frame: header, navigation groups that are the lab's own, loading and error states. */
export default {
  'shell.loading': 'Starting the lab: generating the cluster’s keys and certificates…',
} as const;
