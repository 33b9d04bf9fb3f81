import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SalesClientOption } from '../../../../shared/api/sales';
import { call } from '../../api/call';
import { D } from './strings';

/** A compact searchable client select for the list's filters. */
export function ClientFilter({ value, onChange }: { value: number | null; onChange: (clientId: number | null) => void }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<SalesClientOption[]>([]);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      void call('sales.clients', value !== null && search === '' ? { ids: [value] } : { search }).then((r) => {
        if (alive && r) setOptions(r);
      });
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [search, value]);
  return (
    <Select
      label={D.client}
      w={220}
      searchable
      clearable
      placeholder={D.all}
      data={options.map((o) => ({ value: String(o.id), label: o.name }))}
      value={value === null ? null : String(value)}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(v) => onChange(v ? Number(v) : null)}
    />
  );
}
