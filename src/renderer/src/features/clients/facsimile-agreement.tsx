import { Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ClientCard } from '../../../../shared/api/client-types';
import { FACSIMILE_KEEPERS } from '../../../../shared/api/clients';
import { request, showError, showSuccess } from '../../api/call';
import { S } from './strings';

/** The card's flag «есть соглашение о факсимиле» (ГК ст.160 п.2): only then our documents may carry a facsimile signature. */
export function FacsimileAgreement({ user, card, onChanged }: { user: SessionUser; card: ClientCard; onChanged: (c: ClientCard) => void }) {
  const [busy, setBusy] = useState(false);
  const canSet = card.canEdit && FACSIMILE_KEEPERS.includes(user.role);
  const toggle = async (agreed: boolean) => {
    setBusy(true);
    try {
      const res = await request('clients.setFacsimileAgreement', { clientId: card.id, agreed });
      if (res.error) return showError(res.error);
      onChanged(res.data);
      showSuccess(S.facsimile.saved);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Checkbox
        data-testid="client-facsimile-agreement"
        label={S.facsimile.label}
        checked={card.facsimileAgreement}
        disabled={!canSet || busy}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      <Text size="xs" c="dimmed" ml={30}>
        {S.facsimile.hint}
      </Text>
    </div>
  );
}
