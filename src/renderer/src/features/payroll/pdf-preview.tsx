import { Button, Card, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PayrollFileDto } from '../../../../shared/api/payroll-types';
import { bytesOf, downloadBase64, PDF } from './format';
import { Z } from './strings';

/** A PDF shown in an iframe from a blob URL (revoked when it closes), with a download button. */
export function PdfPreview({ file, onClose, testId }: { file: PayrollFileDto; onClose: () => void; testId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: PDF }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={500}>{file.fileName}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => downloadBase64(file.fileName, file.base64, PDF)}>
            {Z.download}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClose}>
            {Z.hidePdf}
          </Button>
        </Group>
      </Group>
      {url && <iframe title={file.fileName} src={url} style={{ width: '100%', height: 720, border: '1px solid #dee2e6' }} />}
    </Card>
  );
}
