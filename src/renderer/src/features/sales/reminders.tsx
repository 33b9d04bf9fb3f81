import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { ACTIVITY_KIND_LABELS } from '../../../../shared/api/sales-activities';
import { request } from '../../api/call';
import { todayLocal } from './dates';
import { A } from './strings';

const SHOWN_KEY = 'sdelka-reminders-shown';

function shownIds(): Set<string> {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(SHOWN_KEY) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.map(String) : []);
  } catch {
    return new Set();
  }
}

/** Checks the day's reminders: a poll of the window's own, so a background read that never extends the idle time on the host. */
export async function checkReminders(): Promise<void> {
  const res = await request('activities.day', { day: todayLocal() }, { background: true });
  if (res.error) return;
  const now = Date.now();
  const shown = shownIds();
  for (const a of res.data.planned) {
    if (a.remindMinutes === null) continue;
    const at = new Date(a.at).getTime();
    const key = `${a.id}@${a.at}`;
    if (now < at - a.remindMinutes * 60_000 || shown.has(key)) continue;
    shown.add(key);
    notifications.show({
      title: `${A.reminder}: ${a.at.slice(11, 16)}`,
      message: [ACTIVITY_KIND_LABELS[a.kind], a.clientName, a.contactName, a.subject].filter(Boolean).join(' · '),
      autoClose: false,
      color: 'orange',
    });
  }
  sessionStorage.setItem(SHOWN_KEY, JSON.stringify([...shown]));
}

/** Shows a notification when a planned call or meeting's reminder time comes (checked every minute). */
export function SalesReminders({ user }: { user: SessionUser }) {
  const sells = user.role === 'manager' || user.role === 'head_of_sales' || user.role === 'director';
  useEffect(() => {
    if (!sells) return;
    void checkReminders();
    const timer = setInterval(() => void checkReminders(), 60_000);
    return () => clearInterval(timer);
  }, [sells, user.id]);
  return null;
}
