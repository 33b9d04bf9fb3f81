import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, ENTRY_NAMES } from '../shared/contract';

// One named function per contract entry, derived from the contract; ipcRenderer itself is never exposed.
const api = Object.fromEntries(
  ENTRY_NAMES.map((name) => [name, (input: unknown, opts?: unknown) => ipcRenderer.invoke(channelOf(name), input, opts)]),
);

contextBridge.exposeInMainWorld('sdelka', api);
