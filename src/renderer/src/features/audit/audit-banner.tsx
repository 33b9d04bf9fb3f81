import { Alert, Anchor } from '@mantine/core';
import { AUDIT_TEXT } from './strings';

/** The director's warning that the audit chain is broken (from auth.status), shown above every page. */
export function AuditBanner({ brokenAt }: { brokenAt: number | null }) {
  if (brokenAt === null) return null;
  return (
    <Alert color="red" mb="md" data-testid="audit-broken-banner">
      {AUDIT_TEXT.banner(brokenAt)} <Anchor href="#/settings/audit">{AUDIT_TEXT.bannerLink}</Anchor>
    </Alert>
  );
}
