import { Badge, Group, Select, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { SIGNING_STATE_LABELS } from '../../../../core/index';
import { SIGNING_FILTER_VALUES, type SigningFilterKey, type SigningStateBrief, type SigningStateKey, type WaitingFor } from '../../../../shared/api/signing-types';
import { request } from '../../api/call';
import { G, STATE_COLORS } from './strings';

/** A document's signing state as a badge, red with the days when it is overdue. */
export function SignatureStateBadge({ state, waitingFor, daysOverdue }: { state: SigningStateKey; waitingFor: WaitingFor | null; daysOverdue: number }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="signature-state">
      <Badge variant="light" color={STATE_COLORS[state]} style={{ textTransform: 'none' }}>
        {SIGNING_STATE_LABELS[state]}
      </Badge>
      {daysOverdue > 0 && waitingFor && (
        <Tooltip label={`${G.waiting[waitingFor]}: ${G.overdue.toLowerCase()}`}>
          <Badge color="red" variant="filled" style={{ textTransform: 'none' }}>
            +{G.daysOverdue(daysOverdue)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** The signing states of the listed documents (for a column in another area's list), by document id. */
export function useSigningStates(documentIds: readonly number[]): Map<number, SigningStateBrief> {
  const [states, setStates] = useState(new Map<number, SigningStateBrief>());
  const key = documentIds.join(',');
  useEffect(() => {
    if (documentIds.length === 0) return;
    let alive = true;
    void request('signing.states', { documentIds: documentIds.slice(0, 1000) }).then((res) => {
      if (alive && res.data) setStates(new Map(res.data.map((s) => [s.documentId, s])));
    });
    return () => {
      alive = false;
    };
    // The ids' text is the dependency: a new array with the same ids does not reload.
  }, [key]);
  return states;
}

/** The signing state of one row of another area's list, or nothing for a draft. */
export function SignatureCell({ state }: { state: SigningStateBrief | undefined }) {
  return state ? <SignatureStateBadge state={state.state} waitingFor={state.waitingFor} daysOverdue={state.daysOverdue} /> : null;
}

function isFilter(v: string | null): v is SigningFilterKey {
  return SIGNING_FILTER_VALUES.some((f) => f === v);
}

/** A select for filtering a list of documents by signing. */
export function SigningFilterSelect({ value, onChange }: { value: SigningFilterKey | undefined; onChange: (v: SigningFilterKey | undefined) => void }) {
  return (
    <Select
      label={G.signingFilter}
      w={220}
      clearable
      placeholder={G.everything}
      data={[{ value: 'waiting', label: G.waitingFilter }, ...SIGNING_FILTER_VALUES.filter((v) => v !== 'waiting').map((v) => ({ value: v, label: SIGNING_STATE_LABELS[v] }))]}
      value={value ?? null}
      onChange={(v) => onChange(isFilter(v) ? v : undefined)}
      data-testid="signing-filter"
    />
  );
}

/** The title of the signing column in another area's list. */
export const SIGNING_COLUMN = G.signingFilter;
