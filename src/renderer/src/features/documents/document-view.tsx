import { LinkDeal } from './link-deal';
import { Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, formatMoney, formatQuantity } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { DOC_WRITERS, DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, type DocumentDetail, type DocumentRef } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { InvoicePaymentBadge } from '../money/payment-status-badge';
import { SignaturePanel } from '../signing/signature-panel';
import { ApprovalsOfDocument } from './approvals-of-document';
import { PdfFrame } from './pdf-frame';
import { todayIso } from './draft-form';
import { D } from './strings';

function refLabel(r: DocumentRef): string {
  return `${DOCUMENT_KIND_LABELS[r.kind]} № ${r.number || D.noNumber} от ${formatDateNumeric(r.docDate)} — ${DOCUMENT_STATUS_LABELS[r.status].toLowerCase()}`;
}

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' }) : '';
}

/** An issued (or annulled) document: what it holds, its stored PDF with print/open/save, annulment, copy, correction. */
export function DocumentView({ user, doc }: { user: SessionUser; doc: DocumentDetail }) {
  // The file is read by this document's id; an issued one is shown only if its bytes are the ones stored for it.
  const { data: loaded } = useEntry('documents.pdf', { id: doc.id });
  const file = loaded && (doc.pdfSha256 === null || loaded.sha256 === doc.pdfSha256) ? loaded : null;
  const [annulOpen, setAnnulOpen] = useState(false);
  const [reason, setReason] = useState('');
  const annul = async () => {
    const res = await request('documents.annul', { id: doc.id, reason });
    if (res.error) return showError(res.error);
    setAnnulOpen(false);
    showSuccess(D.annulled);
  };
  const copy = async () => {
    const res = await request('documents.copy', { id: doc.id });
    if (res.error) return showError(res.error);
    navigate(`/documents/${res.data.id}`);
  };
  const correct = async () => {
    const res = await request('documents.correct', { id: doc.id });
    if (res.error) return showError(res.error);
    navigate(`/documents/${res.data.id}`);
  };
  // An act made from an issued contract: the server copies the contract's lines into the new draft.
  const actKind = doc.kind === 'contract_services' ? 'act_services' : doc.kind === 'contract_supply' ? 'act_transfer' : null;
  const makeAct = async () => {
    if (actKind === null) return;
    const res = await request('documents.createDraft', {
      kind: actKind,
      orgId: doc.orgId,
      clientId: doc.clientId,
      dealId: doc.dealId,
      docDate: todayIso(),
      vatMode: doc.vatMode,
      vatRate: doc.vatRate,
      basisDocumentId: doc.id,
      terms: { ...doc.terms, templateId: null },
      lines: [],
    });
    if (res.error) return showError(res.error);
    navigate(`/documents/${res.data.id}`);
  };
  const canCorrect = doc.status === 'issued' && (doc.kind === 'invoice_factura' || doc.kind === 'upd') && doc.canAnnul;
  return (
    <Stack data-testid="document-view">
      <Button variant="subtle" w="fit-content" px={0} onClick={() => navigate('/documents')}>
        {D.back}
      </Button>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2}>
              {DOCUMENT_KIND_LABELS[doc.kind]} № {doc.number || D.noNumber}
            </Title>
            <Badge color={doc.status === 'issued' ? 'teal' : doc.status === 'annulled' ? 'red' : 'gray'} variant="light">
              {DOCUMENT_STATUS_LABELS[doc.status]}
            </Badge>
            {doc.correctionNumber ? <Badge variant="light">{D.correction(doc.correctionNumber)}</Badge> : null}
            {doc.kind === 'invoice' && doc.status !== 'draft' && <InvoicePaymentBadge documentId={doc.id} />}
          </Group>
          <Text c="dimmed">
            {formatDateNumeric(doc.docDate)} · {doc.clientName} · {formatMoney(doc.grossKopecks)} ₽ · {doc.managerName}
          </Text>
        </Stack>
        <Group gap="xs">
          {DOC_WRITERS.includes(user.role) && (
            <Button variant="default" onClick={() => void copy()}>
              {D.copy}
            </Button>
          )}
          {actKind !== null && doc.status === 'issued' && DOC_WRITERS.includes(user.role) && (
            <Button variant="default" onClick={() => void makeAct()}>
              {D.makeAct}
            </Button>
          )}
          {canCorrect && (
            <Button variant="default" title={D.correctHint} onClick={() => void correct()}>
              {D.correct}
            </Button>
          )}
          {doc.canAnnul && (
            <Button color="red" variant="light" onClick={() => setAnnulOpen(true)}>
              {D.annul}
            </Button>
          )}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={5}>
          <Stack>
            <Card withBorder>
              <Stack gap={4}>
                {doc.issuedByName && doc.issuedAt && <Text size="sm">{D.issuedBy(doc.issuedByName, when(doc.issuedAt))}</Text>}
                {doc.annulledAt && <Text size="sm" c="red">{D.annulledBy(doc.annulledByName ?? '', when(doc.annulledAt), doc.annulledReason ?? '')}</Text>}
                {doc.templateVersion && <Text size="sm">{D.templateVersion(doc.templateVersion.templateName, doc.templateVersion.version)}</Text>}
                {doc.basis && (
                  <Text size="sm">
                    {D.basis}:{' '}
                    <Anchor href={`#/documents/${doc.basis.id}`} size="sm">
                      {refLabel(doc.basis)}
                    </Anchor>
                  </Text>
                )}
                {doc.pdfSha256 && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {D.frozen(doc.pdfSha256)}
                  </Text>
                )}
              </Stack>
            </Card>
            <LinkDeal user={user} doc={doc} />
            <SignaturePanel documentId={doc.id} />
            <Card withBorder>
              <Table>
                <Table.Tbody>
                  {doc.lines.map((l) => (
                    <Table.Tr key={l.position}>
                      <Table.Td>{l.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatQuantity(l.quantityMilli)} {l.unit}
                      </Table.Td>
                      <Table.Td ta="right">{formatMoney(l.grossKopecks)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group justify="space-between" mt="xs">
                <Text size="sm">
                  {D.vat}: {formatMoney(doc.vatKopecks)}
                </Text>
                <Text fw={700}>{formatMoney(doc.grossKopecks)} ₽</Text>
              </Group>
            </Card>
            {doc.related.length > 0 && (
              <Card withBorder>
                <Text fw={600} mb={4}>
                  {D.related}
                </Text>
                {doc.related.map((r) => (
                  <Anchor key={r.id} href={`#/documents/${r.id}`} size="sm" display="block">
                    {refLabel(r)}
                  </Anchor>
                ))}
              </Card>
            )}
            {doc.approvals.length > 0 && <ApprovalsOfDocument approvals={doc.approvals} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <PdfFrame file={file} target={{ kind: 'document', id: doc.id }} height={820} />
        </Grid.Col>
      </Grid>
      <Modal opened={annulOpen} onClose={() => setAnnulOpen(false)} title={`${D.annul}: ${DOCUMENT_KIND_LABELS[doc.kind]} № ${doc.number}`}>
        <Stack>
          <Textarea label={D.annulReason} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button color="red" disabled={reason.trim().length < 3} onClick={() => void annul()}>
              {D.annul}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
