import { Badge, Card, Table, Text } from '@mantine/core';
import { formatPercent } from '../../../../core/index';
import type { ApprovalDto } from '../../../../shared/api/document-types';
import { D } from './strings';

const COLORS: Record<ApprovalDto['status'], string> = { pending: 'yellow', approved: 'teal', declined: 'red' };

/** A document's discount requests and their decisions. */
export function ApprovalsOfDocument({ approvals }: { approvals: ApprovalDto[] }) {
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {D.approvalsOfDoc}
      </Text>
      <Table data-testid="document-approvals">
        <Table.Tbody>
          {approvals.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {a.linePosition}. {a.lineName}
              </Table.Td>
              <Table.Td>
                {formatPercent(a.requestedBp)} ({D.limit.toLowerCase()} {formatPercent(a.limitBp)})
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[a.status]} variant="light">
                  {D.approvalState[a.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {a.decidedBy ? `${a.decidedBy}${a.comment ? `: ${a.comment}` : ''}` : a.reason}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
