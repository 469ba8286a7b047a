/** The home page's topology (its device choice is the ladder's too): loaded with the first paint. */
export default {
  'pictures.ladder.allDevices': 'All devices',
  'pictures.topology.follow': 'Follow the messages of',
} as const;
