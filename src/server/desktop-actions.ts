/** A PDF the desktop acts on: its suggested file name and bytes. */
export interface DesktopFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What only the desktop program can do with a PDF: main implements these with a native save dialog
 * (the path is always chosen there, never sent by the window), printing and the system viewer. The
 * browser host has none of them and answers `unsupported`, so the window offers a download instead.
 */
export interface DesktopActions {
  saveAs(file: DesktopFile): Promise<{ saved: boolean } | { unsupported: true }>;
  print(file: DesktopFile): Promise<{ printed: boolean } | { unsupported: true }>;
  open(file: DesktopFile): Promise<{ opened: boolean } | { unsupported: true }>;
}

/** The browser host's answer to every desktop action. */
export const NO_DESKTOP: DesktopActions = {
  saveAs: async () => ({ unsupported: true }),
  print: async () => ({ unsupported: true }),
  open: async () => ({ unsupported: true }),
};
