import { Select } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { SalesClientOption } from '../../../../shared/api/sales';
import { call } from '../../api/call';
import { S } from './strings';

/** A searchable client select; reports the picked client with its key persons. */
export function ClientPicker({
  value,
  onChange,
  onResolve,
  error,
  autoFocus,
}: {
  value: number | null;
  onChange: (client: SalesClientOption | null) => void;
  /** Told the picked client's full record (with key persons) once it is loaded. */
  onResolve?: (client: SalesClientOption) => void;
  error?: ReactNode;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<SalesClientOption[]>([]);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      const input = value !== null && search === '' ? { ids: [value] } : { search };
      void call('sales.clients', input).then((r) => {
        // The picked client stays among the options whatever is being typed.
        if (alive && r) setOptions((old) => [...r, ...old.filter((o) => o.id === value && !r.some((x) => x.id === o.id))]);
      });
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [search, value]);
  const picked = options.find((o) => o.id === value);
  useEffect(() => {
    if (picked) onResolve?.(picked);
  }, [picked, onResolve]);
  return (
    <Select
      label={S.client}
      placeholder={S.pickClient}
      searchable
      withAsterisk
      autoFocus={autoFocus}
      data-field="clientId"
      nothingFoundMessage={S.noClients}
      data={options.map((o) => ({ value: String(o.id), label: o.name }))}
      value={value === null ? null : String(value)}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(v) => onChange(options.find((o) => String(o.id) === v) ?? null)}
      error={error}
    />
  );
}
