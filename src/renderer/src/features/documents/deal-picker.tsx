import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useEntry } from '../../api/call';

const NO_DEAL = 'none';

/**
 * «Сделка»: the client's open deals for a new document or bundle. One open deal is chosen by default;
 * with several the person picks one (or «Без сделки»). `value` undefined means «not chosen yet».
 */
export function DealPicker({ clientId, value, onChange }: { clientId: number | null; value: number | null | undefined; onChange: (dealId: number | null | undefined) => void }) {
  const deals = useEntry('deals.list', { clientId: clientId ?? undefined, outcome: 'open' }, { enabled: clientId !== null });
  const open = clientId === null ? [] : (deals.data ?? []);
  useEffect(() => {
    if (value === undefined && open.length === 1) onChange(open[0]?.id);
  }, [open, value, onChange]);
  if (clientId === null || open.length === 0) return null;
  return (
    <Select
      label="Сделка"
      description={open.length > 1 ? 'У клиента несколько открытых сделок: выберите, к какой относятся документы' : undefined}
      data-field="deal"
      allowDeselect={false}
      error={value === undefined && open.length > 1 ? 'Выберите сделку или «Без сделки»' : undefined}
      data={[...open.map((d) => ({ value: String(d.id), label: `${d.title} (${d.clientName})` })), { value: NO_DEAL, label: 'Без сделки' }]}
      value={value === undefined ? null : value === null ? NO_DEAL : String(value)}
      onChange={(v) => onChange(v === null ? undefined : v === NO_DEAL ? null : Number(v))}
    />
  );
}
