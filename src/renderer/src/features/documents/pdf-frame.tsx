import { Button, Group } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PdfTarget } from '../../../../shared/api/documents';
import type { PdfFile } from '../../../../shared/api/document-types';
import { request, showError, showSuccess } from '../../api/call';
import { D } from './strings';

/**
 * A blob: URL for a PDF's bytes, revoked when the bytes change or the component goes away. The URL is
 * returned only for the very file it was made from: a new file never shows (or saves) the previous bytes.
 */
export function usePdfUrl(file: PdfFile | null): string | null {
  const [made, setMade] = useState<{ file: PdfFile; url: string } | null>(null);
  useEffect(() => {
    if (!file) {
      setMade(null);
      return;
    }
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setMade({ file, url });
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return made && made.file === file ? made.url : null;
}

/** A PDF shown in the window (an <iframe> over a blob: URL), with print, open and save. */
export function PdfFrame({ file, target, height = 760 }: { file: PdfFile | null; target: PdfTarget | null; height?: number }) {
  const url = usePdfUrl(file);
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  // The desktop program prints, opens and saves in main; the browser host says `unsupported` and the window does it.
  const print = async () => {
    if (target) {
      const res = await request('documents.print', target);
      if (res.error) return showError(res.error);
      if (!res.data.unsupported) return;
    }
    frame.current?.contentWindow?.print();
  };
  const open = async () => {
    if (target) {
      const res = await request('documents.open', target);
      if (res.error) return showError(res.error);
      if (!res.data.unsupported) return;
    }
    if (url) window.open(url, '_blank', 'noopener');
  };
  const saveAs = async () => {
    if (target) {
      const res = await request('documents.saveAs', target);
      if (res.error) return showError(res.error);
      if (!res.data.unsupported) {
        if (res.data.saved) showSuccess(D.savedFile);
        return;
      }
    }
    link.current?.click();
  };
  if (!file || !url) return null;
  return (
    <div>
      <Group gap="xs" mb="xs">
        <Button size="xs" variant="light" onClick={() => void print()}>
          {D.print}
        </Button>
        <Button size="xs" variant="default" onClick={() => void open()}>
          {D.open}
        </Button>
        <Button size="xs" variant="default" onClick={() => void saveAs()}>
          {D.saveAs}
        </Button>
        <a ref={link} href={url} download={file.fileName} data-testid="pdf-download" style={{ fontSize: 12 }}>
          {D.download}
        </a>
      </Group>
      <iframe ref={frame} src={url} title={file.fileName} data-testid="pdf-frame" style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)', background: 'white' }} />
    </div>
  );
}
