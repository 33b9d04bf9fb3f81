import { ActionIcon, Button, Card, Group, Modal, ScrollArea, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AnswerValue, QuestionnaireForm } from '../../../../shared/api/client-types';
import type { VipDueRow } from '../../../../shared/api/vip-types';
import { request, showError, showSuccess } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { QuestionnaireFields } from '../clients/questionnaire-fields';
import { todayLocal } from '../sales/dates';
import { Q } from './strings';
import { DateField } from '../../app/date-fields';

interface Referral {
  shortName: string;
  contactName: string;
  phone: string;
  note: string;
}

/** The VIP visit: the office's VIP questionnaire, problems found, suggestions, a testimonial and referrals that become new clients. */
export function VipVisitForm({ row, form, onClose, onSaved }: { row: VipDueRow; form: QuestionnaireForm | null; onClose: () => void; onSaved: () => void }) {
  const [visitedOn, setVisitedOn] = useState(todayLocal());
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [problems, setProblems] = useState('');
  const [suggestions, setSuggestions] = useState('');
  const [testimonial, setTestimonial] = useState('');
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setReferral = (i: number, patch: Partial<Referral>) => setReferrals((list) => list.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const save = async () => {
    const res = await request('vip.saveVisit', { clientId: row.clientId, visitedOn, answers, problems, suggestions, testimonial, referrals });
    if (res.error) {
      setErrors(fieldErrors(res.error));
      return showError(res.error);
    }
    showSuccess(Q.visitSaved);
    onSaved();
  };
  return (
    <Modal opened onClose={onClose} title={Q.visitTitle(row.clientName)} size="xl">
      <ScrollArea.Autosize mah="75vh">
        <Stack data-testid="vip-visit-form" pr="sm">
          <DateField label={Q.visitedOn} value={visitedOn} onChange={(v) => setVisitedOn(v || visitedOn)} error={errors.visitedOn} w={200} />
          {form && (
            <Card withBorder>
              <Text fw={600} mb="xs">
                {form.title}
              </Text>
              <QuestionnaireFields fields={form.fields} values={answers} errors={errors} onChange={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))} />
            </Card>
          )}
          <SimpleGrid cols={3}>
            <Textarea label={Q.problems} value={problems} onChange={(e) => setProblems(e.currentTarget.value)} autosize minRows={3} />
            <Textarea label={Q.suggestions} value={suggestions} onChange={(e) => setSuggestions(e.currentTarget.value)} autosize minRows={3} />
            <Textarea label={Q.testimonial} value={testimonial} onChange={(e) => setTestimonial(e.currentTarget.value)} autosize minRows={3} />
          </SimpleGrid>
          <Text fw={600}>{Q.referrals}</Text>
          {referrals.map((r, i) => (
            <Group key={i} align="flex-end" gap="xs">
              <TextInput label={Q.referralName} value={r.shortName} onChange={(e) => setReferral(i, { shortName: e.currentTarget.value })} error={errors[`referrals.${i}.shortName`]} w={220} />
              <TextInput label={Q.referralContact} value={r.contactName} onChange={(e) => setReferral(i, { contactName: e.currentTarget.value })} w={200} />
              <TextInput label={Q.referralPhone} value={r.phone} onChange={(e) => setReferral(i, { phone: e.currentTarget.value })} w={160} />
              <TextInput label={Q.referralNote} value={r.note} onChange={(e) => setReferral(i, { note: e.currentTarget.value })} style={{ flex: 1 }} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label="Убрать" onClick={() => setReferrals((list) => list.filter((_, k) => k !== i))}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => setReferrals((list) => [...list, { shortName: '', contactName: '', phone: '', note: '' }])}>
              {Q.addReferral}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {Q.cancel}
              </Button>
              <Button onClick={() => void save()} data-testid="vip-save">
                {Q.visit}
              </Button>
            </Group>
          </Group>
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
