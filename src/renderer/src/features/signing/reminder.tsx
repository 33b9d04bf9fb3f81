import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { formatMoney } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { request } from '../../api/call';
import { navigate } from '../../app/router';
import { localToday } from './step-dialog';
import { G } from './strings';

const KEY = (userId: number) => `sdelka-signing-checked-${userId}`;

/**
 * After sign-in: a notification when documents became overdue since this person's last check (kept on
 * this computer), with the largest ones listed. Shown once per day at most.
 */
export function SigningReminder({ user }: { user: SessionUser }) {
  useEffect(() => {
    const today = localToday();
    const last = localStorage.getItem(KEY(user.id));
    if (last === today) return;
    void request('signing.overdueSince', { since: last }).then((res) => {
      localStorage.setItem(KEY(user.id), today);
      if (!res.data || res.data.newlyOverdue === 0) return;
      const s = res.data;
      notifications.show({
        id: 'signing-overdue',
        color: 'red',
        autoClose: false,
        title: G.reminderTitle,
        message: (
          <Stack gap={2} data-testid="signing-reminder">
            <Text size="sm">{G.reminderText(s.newlyOverdue, s.overdue)}</Text>
            {s.items.map((i) => (
              <Text key={i.documentId} size="xs">
                {i.title} — {i.clientName}, {formatMoney(i.riskKopecks)} ₽, +{G.daysOverdue(i.daysOverdue)}
              </Text>
            ))}
            <Anchor component="button" type="button" size="sm" onClick={() => { notifications.hide('signing-overdue'); navigate('/signatures'); }}>
              {G.openBoard}
            </Anchor>
          </Stack>
        ),
      });
    });
  }, [user.id]);
  return null;
}
