/** Messages for a page's "Status" area, the way CUCM pages report the outcome of a button. */
export type StatusKind = 'info' | 'success' | 'warning' | 'error';

export interface StatusMessage {
  kind: StatusKind;
  text: string;
}

export const READY: StatusMessage[] = [{ kind: 'info', text: 'Status: Ready' }];

export const info = (text: string): StatusMessage => ({ kind: 'info', text });
export const success = (text: string): StatusMessage => ({ kind: 'success', text });
export const warning = (text: string): StatusMessage => ({ kind: 'warning', text });
export const failure = (text: string): StatusMessage => ({ kind: 'error', text });
