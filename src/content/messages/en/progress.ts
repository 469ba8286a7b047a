/** Progress files: why one is refused. */
export default {
  'progress.empty': 'The file is empty.',
  'progress.tooLarge': 'The file is far larger than any progress file: it was not read.',
  'progress.notJson': 'This is not a progress file (it is not JSON).',
  'progress.notProgress': 'This is not an LSC Lab progress file.',
  'progress.newer': 'The progress file was made by a newer version of LSC Lab (format {version}); update the lab to read it.',
  'progress.older': 'The progress file’s format {version} is too old to be read.',
  'progress.damaged': 'The progress file is damaged.',
  'progress.damagedEntry': 'The progress of exercise “{exercise}” in the file is damaged.',
} as const;
