/** Payments between the parties and the statement of promised vs paid. */
import {
  type Payment,
  type PaymentInput,
  promisedVsPaid,
  type Statement,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { assertYearInAgreement, computeSplits } from './parks.figures.service';
import { canRecordPayment } from './parks.policy';
import { presentPayment } from './parks.present';
import * as repo from './parks.repo';
import { loadPark } from './parks.service';

export async function listPayments(ctx: Ctx, parkId: number): Promise<{ items: Payment[] }> {
  await loadPark(ctx, parkId);
  return { items: (await repo.paymentsOf(ctx.deps.db, [parkId])).map(presentPayment) };
}

export async function recordPayment(
  ctx: Ctx,
  parkId: number,
  input: PaymentInput,
): Promise<Payment> {
  const park = await loadPark(ctx, parkId);
  for (const field of ['payerCity', 'payeeCity'] as const)
    if (!park.cities.includes(input[field])) throw fieldError(field, 'parks.not_a_party');
  if (!canRecordPayment(ctx.actor!, { parties: park.cities }, input.payerCity))
    throw new AppError('permission.denied');
  assertYearInAgreement(park, input.year);
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const paymentId = await repo.insertPayment(trx, {
      parkId,
      ...input,
      createdAt: new Date().toISOString(),
      createdBy: ctx.actor!.id,
    });
    await writeAudit(trx, ctx, {
      action: 'park.payment.record',
      objectType: 'park_payment',
      objectId: paymentId,
      regionCode: input.payerCity,
      detail: { parkId, ...input },
    });
    return paymentId;
  });
  const row = await repo.findPayment(ctx.deps.db, id);
  if (!row) throw new AppError('park.not_found');
  return presentPayment(row);
}

export async function getStatement(ctx: Ctx, parkId: number): Promise<Statement> {
  const park = await loadPark(ctx, parkId);
  const db = ctx.deps.db;
  const [figures, payments] = await Promise.all([
    repo.figuresOf(db, [parkId]),
    repo.paymentsOf(db, [parkId]),
  ]);
  const { splits } = computeSplits(park.cities, park.phases, figures);
  return promisedVsPaid(
    splits,
    payments.map((p) => ({
      year: p.year,
      item: p.item as Payment['item'],
      payerCity: p.payerCity,
      payeeCity: p.payeeCity,
      amountWan: p.amountWan,
    })),
  );
}
