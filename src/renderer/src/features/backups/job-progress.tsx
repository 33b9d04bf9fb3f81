import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../../shared/api/backup';
import { peek } from '../../api/call';
import { progressLine } from './strings';

/**
 * The bar and the step of a backup or a restore, read from `backup.progress` every 250 ms while `active`.
 * A poll that fails (the base is being swapped) keeps the last answer on screen.
 */
export function BackupJobProgress({ active, idleText }: { active: boolean; idleText: string }) {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!active) return;
    const timer = setInterval(() => {
      void peek('backup.progress', {}).then((res) => res.data !== undefined && res.data !== null && setProgress(res.data));
    }, 250);
    return () => clearInterval(timer);
  }, [active]);
  if (!active) return null;
  return (
    <Stack gap={6} data-testid="backup-job-progress">
      <Progress value={Math.round((progress?.fraction ?? 0) * 100)} animated aria-label={idleText} />
      <Text size="xs" c="dimmed">
        {progress ? progressLine(progress) : idleText}
      </Text>
    </Stack>
  );
}
