import { Anchor, Button, Stack } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { navigate } from '../../app/router';
import { BoardPage } from './board-page';
import { documentHref } from './board-list';
import { SignaturePanel } from './signature-panel';
import { G } from './strings';

/** Подписи: /signatures (the board) and /signatures/doc/<id> (one document's signature panel). */
export function SigningPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  if (rest[0] === 'doc' && rest[1] && /^\d+$/.test(rest[1])) {
    const id = Number(rest[1]);
    return (
      <Stack maw={900}>
        <Button variant="subtle" w="fit-content" px={0} onClick={() => navigate('/signatures')}>
          {G.back}
        </Button>
        <Anchor href={documentHref(id)}>{G.openDocument}</Anchor>
        <SignaturePanel documentId={id} withTitle />
      </Stack>
    );
  }
  return <BoardPage user={user} />;
}
