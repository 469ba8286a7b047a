/**
 * File downloads from CUCM's TFTP service. Phones of this generation fetch their trust list and
 * configuration over HTTP on TCP 6970 (the seed's status message "SEP682C7B5C2342.cnf.xml.sgn(HTTP)";
 * port list domain.md §4) and fall back to TFTP on UDP 69.
 */
export const HTTP_TFTP_PORT = 6970;
export const TFTP_PORT = 69;

export interface FileRequest {
  kind: 'file.request';
  fileName: string;
}

export interface FileResponse {
  kind: 'file.response';
  fileName: string;
  status: 200 | 404 | 500;
  body?: Uint8Array;
}

export const summarizeRequest = (r: FileRequest, transport: 'HTTP' | 'TFTP') =>
  transport === 'HTTP' ? `GET /${r.fileName} HTTP/1.1` : `Read Request, File: ${r.fileName}, Transfer type: octet`;

export function summarizeResponse(r: FileResponse, transport: 'HTTP' | 'TFTP'): string {
  if (transport === 'HTTP') {
    return r.status === 200 ? `HTTP/1.1 200 OK (${r.body?.length ?? 0} bytes)` : `HTTP/1.1 ${r.status} ${r.status === 404 ? 'Not Found' : 'Internal Server Error'}`;
  }
  return r.status === 200 ? `Data Packet, Block: 1 (last), ${r.body?.length ?? 0} bytes` : 'Error Code, Code: File not found';
}
