import '@mantine/dropzone/styles.css';
import { Anchor, Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useEffect, useState } from 'react';
import type { ScanDto, SigningFile } from '../../../../shared/api/signing-types';
import { request, showError, showSuccess } from '../../api/call';
import { blobUrl, downloadFile, readAsBase64 } from './download';
import { G } from './strings';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} КБ` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** A scan shown in a window of its own: an image inline, a PDF in a frame, with a download link. */
function ScanPreview({ file, onClose }: { file: SigningFile; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = blobUrl(file.base64, file.mime);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <Modal opened onClose={onClose} title={file.fileName} size="xl" data-testid="scan-preview">
      <Stack>
        {url && (file.mime === 'application/pdf' ? <iframe src={url} title={file.fileName} style={{ width: '100%', height: '70vh', border: 0 }} /> : <Image src={url} alt={file.fileName} fit="contain" mah="70vh" />)}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => downloadFile(file)}>
            {G.download}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The scans of a document: the list (each openable) and, for those who may, a drop zone to attach more. */
export function ScansBlock({ documentId, scans, canAttach }: { documentId: number; scans: ScanDto[]; canAttach: boolean }) {
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<SigningFile | null>(null);
  const attach = async (files: File[]) => {
    setBusy(true);
    for (const f of files) {
      const res = await request('signing.attachScan', { documentId, fileName: f.name, base64: await readAsBase64(f) });
      if (res.error) showError(res.error);
      else showSuccess(res.data.stored === 'existing' ? G.alreadyStored : G.attached);
    }
    setBusy(false);
  };
  const reject = (rejections: FileRejection[]) => {
    for (const r of rejections) {
      const tooBig = r.errors.some((e) => e.code === 'file-too-large');
      showError({ code: 'VALIDATION', message: tooBig ? G.tooBig(r.file.name) : G.wrongType(r.file.name) });
    }
  };
  const show = async (s: ScanDto) => {
    const res = await request('signing.scan', { documentId, sha256: s.sha256 });
    if (res.error) return showError(res.error);
    setOpen(res.data);
  };
  return (
    <Stack gap="xs" data-testid="scans">
      <Text fw={600}>{G.scans}</Text>
      {scans.length === 0 && (
        <Text size="sm" c="dimmed">
          {G.noScans}
        </Text>
      )}
      {scans.map((s) => (
        <Group key={s.sha256} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={() => void show(s)} data-testid="scan-link" style={{ wordBreak: 'break-all' }}>
            {s.name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {size(s.sizeBytes)} · {s.attachedBy ?? ''} · {new Date(s.attachedAt).toLocaleDateString('ru-RU')}
          </Text>
        </Group>
      ))}
      {canAttach && (
        <Dropzone onDrop={(f) => void attach(f)} onReject={reject} maxSize={MAX_BYTES} accept={ACCEPT} loading={busy} data-testid="scan-dropzone" p="sm">
          <Stack gap={0} align="center" style={{ pointerEvents: 'none' }}>
            <Text size="sm">{G.dropScan}</Text>
            <Text size="xs" c="dimmed">
              {G.dropHint}
            </Text>
          </Stack>
        </Dropzone>
      )}
      {open && <ScanPreview file={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
