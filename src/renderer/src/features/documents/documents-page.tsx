import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { DOC_ADMINS, DOCUMENT_KIND_VALUES, type DocumentKindKey, type VatRateKey } from '../../../../shared/api/document-types';
import { useApi } from '../../api/call';
import { ApprovalsPage } from './approvals-page';
import { DocumentList } from './document-list';
import { DocumentView } from './document-view';
import { DraftEditor } from './draft-editor';
import { formOf, newForm, type DraftForm } from './draft-form';

function isKind(value: string | undefined): value is DocumentKindKey {
  return DOCUMENT_KIND_VALUES.some((k) => k === value);
}

function queryNumber(name: string): number | null {
  const q = window.location.hash.split('?')[1] ?? '';
  const v = new URLSearchParams(q).get(name);
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

function NewDocument({ user, kind }: { user: SessionUser; kind: DocumentKindKey }) {
  const orgs = useApi('orgs.list', {});
  const [form, setForm] = useState<DraftForm | null>(null);
  useEffect(() => {
    if (!orgs.data || form) return;
    const org = orgs.data.find((o) => o.isDefault) ?? orgs.data[0];
    const vatRate: VatRateKey = org?.defaultVatRate ?? '22';
    setForm(newForm(kind, { orgId: org?.id ?? null, clientId: queryNumber('client'), dealId: queryNumber('deal'), vatRate }));
  }, [orgs.data, form, kind]);
  return form ? <DraftEditor doc={null} initial={form} onChanged={() => undefined} showCosts={DOC_ADMINS.includes(user.role)} /> : null;
}

function OneDocument({ user, id }: { user: SessionUser; id: number }) {
  const { data, loading, reload } = useApi('documents.get', { id }, [id]);
  if (!data) return loading ? null : <Alert color="yellow">Документ не найден</Alert>;
  if (data.canEdit) return <DraftEditor key={`${data.id}-${data.updatedAt}`} doc={data} initial={formOf(data)} onChanged={() => void reload()} showCosts={DOC_ADMINS.includes(user.role)} />;
  return <DocumentView user={user} doc={data} onChanged={() => void reload()} />;
}

/** Документы: /documents (list), /documents/new/<kind>, /documents/<id>, /documents/approvals. */
export function DocumentsPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const [first, second] = rest.map((r) => r.split('?')[0]);
  if (first === 'approvals') return <ApprovalsPage />;
  if (first === 'new' && isKind(second)) return <NewDocument key={second} user={user} kind={second} />;
  if (first && /^\d+$/.test(first)) return <OneDocument user={user} id={Number(first)} />;
  return <DocumentList user={user} />;
}
