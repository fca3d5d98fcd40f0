import type {
  Certificate,
  CertificateInput,
  CertificateKind,
  CertificateList,
} from '@corridor/contracts';
import type { Selectable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import type { OrgCertificatesTable } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { canManageCertificates } from './indicators.policy';
import * as repo from './indicators.repo';
import { orgForIndicators } from './indicators.service';
import { refreshTierResults } from './indicators.tiers.service';

function present(row: Selectable<OrgCertificatesTable>): Certificate {
  return {
    id: row.id,
    orgId: row.orgId,
    kind: row.kind as CertificateKind,
    number: row.number,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    issuer: row.issuer,
    createdAt: row.createdAt,
  };
}

/** Certificates held: readable by whoever may read the org's indicators. */
export async function listCertificates(ctx: Ctx, orgId: number): Promise<CertificateList> {
  const org = await orgForIndicators(ctx, orgId, 'read');
  const rows = await repo.listCertificates(ctx.deps.db, orgId);
  return {
    items: rows.map(present),
    abilities: { manage: canManageCertificates(ctx.actor!, org) },
  };
}

async function orgForCertificates(ctx: Ctx, orgId: number) {
  const org = await orgForIndicators(ctx, orgId, 'read');
  if (!canManageCertificates(ctx.actor!, org)) throw new AppError('permission.denied');
  if (org.type !== 'enterprise') throw new AppError('indicator.not_enterprise');
  return org;
}

/** Records a certificate; the org's tier results change with it (e.g. 高企 as a direct route). */
export async function addCertificate(
  ctx: Ctx,
  orgId: number,
  input: CertificateInput,
): Promise<Certificate> {
  const org = await orgForCertificates(ctx, orgId);
  if (input.issuedOn > new Date().toISOString().slice(0, 10))
    throw fieldError('issuedOn', 'certificate.issued_in_future');
  try {
    const id = await ctx.deps.db.transaction().execute(async (trx) => {
      const [newId] = await repo.insertCertificates(trx, [
        {
          orgId,
          regionCode: org.regionCode,
          kind: input.kind,
          number: input.number,
          issuedOn: input.issuedOn,
          expiresOn: input.expiresOn ?? null,
          issuer: input.issuer ?? null,
          createdAt: new Date().toISOString(),
          createdBy: ctx.actor?.id ?? null,
        },
      ]);
      await refreshTierResults(trx, [org]);
      await writeAudit(trx, ctx, {
        action: 'certificate.add',
        objectType: 'certificate',
        objectId: newId!,
        regionCode: org.regionCode,
        detail: { orgId, ...input },
      });
      return newId!;
    });
    const row = await repo.findCertificate(ctx.deps.db, orgId, id);
    return present(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('certificate.duplicate');
    throw error;
  }
}

export async function removeCertificate(ctx: Ctx, orgId: number, certId: number) {
  const org = await orgForCertificates(ctx, orgId);
  const row = await repo.findCertificate(ctx.deps.db, orgId, certId);
  if (!row) throw new AppError('certificate.not_found');
  await ctx.deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteCertificate(trx, orgId, certId)))
      throw new AppError('certificate.not_found');
    await refreshTierResults(trx, [org]);
    await writeAudit(trx, ctx, {
      action: 'certificate.remove',
      objectType: 'certificate',
      objectId: certId,
      regionCode: org.regionCode,
      detail: { orgId, removed: present(row) },
    });
  });
  return { ok: true as const };
}
