/** The phone's page: the lab's own hands at the desk. */
export default {
  'phone.replaceTitle': 'At the desk: replace the handset',
  'phone.replaceIntro': 'This desk has a {model}. The lab can swap the handset for another model; the device record in CUCM stays, the new handset boots factory-fresh.',
  'phone.replaceModel': 'New handset',
  'phone.replaceButton': 'Replace the handset',
  'phone.replaced': '{device} is now a {model}; it is booting.',
} as const;
