import { contextBridge, ipcRenderer } from 'electron';
import { CHANGE_CHANNEL, channelOf, ENTRY_NAMES } from '../shared/contract';

// One named function per contract entry, derived from the contract; ipcRenderer itself is never exposed.
const api = Object.fromEntries(
  ENTRY_NAMES.map((name) => [name, (input: unknown, opts?: unknown) => ipcRenderer.invoke(channelOf(name), input, opts)]),
);

/** Committed writes pushed by main (the live screens refresh from them); returns the unsubscribe function. */
function onChange(listener: (event: unknown) => void): () => void {
  const handler = (_e: unknown, event: unknown) => listener(event);
  ipcRenderer.on(CHANGE_CHANNEL, handler);
  return () => {
    ipcRenderer.off(CHANGE_CHANNEL, handler);
  };
}

contextBridge.exposeInMainWorld('sdelka', { ...api, onChange });
