import { Button, Card, FileButton, Group, Image, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { ORG_ASSET_KINDS, type OrgAssetKind } from '../../../../shared/api/catalog';
import { DOC_ADMINS } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useApi } from '../../api/call';
import { DIR } from './strings';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Our stamp and the head's facsimile signature (PNG), drawn where templates say ::stamp. */
export function StampPage({ user }: { user: SessionUser }) {
  const orgs = useApi('orgs.list', {});
  const [orgId, setOrgId] = useState<number | null>(null);
  useEffect(() => {
    if (orgId === null && orgs.data?.length) setOrgId((orgs.data.find((o) => o.isDefault) ?? orgs.data[0]).id);
  }, [orgs.data, orgId]);
  const assets = useApi('orgAssets.list', { orgId: orgId ?? 1 }, [orgId]);
  const canEdit = DOC_ADMINS.includes(user.role);
  const upload = async (kind: OrgAssetKind, file: File | null) => {
    if (!file || orgId === null) return;
    const res = await request('orgAssets.upload', { orgId, kind, pngBase64: await base64Of(file) });
    if (res.error) return showError(res.error);
    showSuccess(DIR.uploaded);
    void assets.reload();
  };
  const remove = async (kind: OrgAssetKind) => {
    if (orgId === null) return;
    const res = await request('orgAssets.remove', { orgId, kind });
    if (res.error) return showError(res.error);
    void assets.reload();
  };
  return (
    <Stack maw={900} data-testid="stamp-page">
      <Title order={3}>{DIR.stamp}</Title>
      <Select label="Организация" w={280} data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))} value={orgId === null ? null : String(orgId)} allowDeselect={false} onChange={(v) => setOrgId(v ? Number(v) : null)} />
      <Group align="stretch" grow>
        {ORG_ASSET_KINDS.map((kind) => {
          const a = assets.data?.find((x) => x.kind === kind);
          return (
            <Card withBorder key={kind}>
              <Stack gap="xs">
                <Text fw={600}>{kind === 'stamp' ? DIR.stampImage : kind === 'signature' ? DIR.signatureImage : DIR.logoImage}</Text>
                {a ? <Image src={a.dataUrl} h={140} w="auto" fit="contain" alt={kind} /> : <Text c="dimmed">{DIR.notUploaded}</Text>}
                {canEdit && (
                  <Group gap="xs">
                    <FileButton accept={kind === 'logo' ? 'image/png,image/jpeg' : 'image/png'} onChange={(f) => void upload(kind, f)}>
                      {(props) => (
                        <Button size="xs" variant="light" {...props}>
                          {DIR.upload}
                        </Button>
                      )}
                    </FileButton>
                    {a && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void remove(kind)}>
                        {DIR.remove}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </Group>
    </Stack>
  );
}
