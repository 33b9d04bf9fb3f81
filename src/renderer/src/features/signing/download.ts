/** Bytes from base64 (files handed over by the main process or the host). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A blob URL for base64 bytes (revoke it when done). */
export function blobUrl(base64: string, mime: string): string {
  return URL.createObjectURL(new Blob([base64Bytes(base64)], { type: mime }));
}

/** Saves base64 bytes as a file through a download link. */
export function downloadFile(file: { fileName: string; mime: string; base64: string }): void {
  const url = blobUrl(file.base64, file.mime);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file picked in the window, read as base64 (without the data-URL prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
