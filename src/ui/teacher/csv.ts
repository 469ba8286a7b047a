/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so a spreadsheet opens
 * Japanese or German names correctly.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A leading =, +, - or @ would be read as a formula by a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The completion codes in a pasted text or file: each starts with "LSC1."; anything else is reported too. */
export function splitCodes(text: string): string[] {
  return text
    .split(/(?=LSC1\.)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
