/**
 * Publication: score the (corrected) snapshot, compare with the previous edition, build the
 * canonical JSON, sign it with the publisher's SM2 key, check the signature, and store entries,
 * document and signature — all in one transaction, so a failure leaves the edition unpublished
 * and nothing half-written.
 */
import {
  type CanonicalEdition,
  canonicalEditionJson,
  canonicalInputsJson,
  EDITION_FORMAT,
  type Edition,
  type Provenance,
  type RankingInput,
  SIGNATURE_ALGORITHM,
  SM2_DEFAULT_USER_ID,
  scoreEdition,
} from '@corridor/contracts';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError } from '../../core/errors';
import { publisherKey } from './rankings.keys';
import { methodIndicators } from './rankings.methods.service';
import * as repo from './rankings.repo';
import { getEdition, ownEditionForChange } from './rankings.service';
import { signatureMatches, signCanonical, sm3Hex } from './rankings.verify';
import { assertWindowRan } from './rankings.window';

function inputsOf(rows: Awaited<ReturnType<typeof repo.allInputs>>): RankingInput[] {
  return rows.map((r) => ({
    orgId: r.orgId,
    creditCode: r.creditCode,
    name: r.name,
    regionCode: r.regionCode,
    industry: r.industry,
    values: JSON.parse(r.inputValues) as Record<string, number | null>,
    provenance: JSON.parse(r.provenance) as Record<string, Provenance>,
  }));
}

/** `at` is for the demo seed, which backdates its editions; the API always publishes now. */
export async function publishEdition(
  ctx: Ctx,
  id: number,
  version: number,
  at = new Date(),
): Promise<Edition> {
  const edition = await ownEditionForChange(ctx, id);
  if (edition.status !== 'closed') throw new AppError('ranking.wrong_state');
  // Closing already waits for the minimum; this also holds editions closed before it existed.
  assertWindowRan(ctx, edition, at);
  // Refuse before the signing key is made: a publisher's first key is written (with its audit
  // event) in its own transaction, so a publish refused after it left that half-write behind.
  if ((await repo.correctionCounts(ctx.deps.db, id)).pending > 0)
    throw new AppError('ranking.corrections_pending');
  const key = await publisherKey(ctx, ctx.actor!.id);
  const method = (await repo.findMethod(ctx.deps.db, edition.methodId))!;
  const indicators = methodIndicators(method);
  const keys = indicators.map((i) => i.key);
  try {
    await ctx.deps.db.transaction().execute(async (trx) => {
      const now = at.toISOString();
      await claimVersion(trx, 'rankingEditions', id, version);
      // Locks the row (PostgreSQL): no decision can land between these reads and the write.
      if (!(await repo.updateEditionIf(trx, id, ['closed'], { updatedAt: now })))
        throw new AppError('ranking.wrong_state');
      if ((await repo.correctionCounts(trx, id)).pending > 0)
        throw new AppError('ranking.corrections_pending');
      const inputs = inputsOf(await repo.allInputs(trx, id));
      const previous = await repo.findPreviousPublished(trx, edition);
      const previousRanks = new Map(
        previous ? (await repo.ranksOf(trx, previous.id)).map((r) => [r.creditCode, r.rank]) : [],
      );
      const entries = scoreEdition(
        {
          normalisation: method.normalisation as CanonicalEdition['method']['normalisation'],
          indicators,
        },
        inputs,
        { previousRanks },
      );
      const corrections = await repo.decidedCorrections(trx, id);
      const doc: CanonicalEdition = {
        format: EDITION_FORMAT,
        edition: {
          id,
          title: edition.title,
          year: edition.year,
          scope: { city: edition.city, industry: edition.industry },
          publishedAt: now,
          frozenInputsSm3: edition.frozenInputsSm3,
          finalInputsSm3: sm3Hex(canonicalInputsJson(keys, inputs)),
          entryCount: entries.length,
          previousEditionId: previous?.id ?? null,
        },
        method: {
          id: method.id,
          code: method.code,
          version: method.version,
          name: method.name,
          normalisation: method.normalisation as CanonicalEdition['method']['normalisation'],
          indicators,
        },
        signer: {
          name: edition.publisherName,
          algorithm: SIGNATURE_ALGORITHM,
          userId: SM2_DEFAULT_USER_ID,
          publicKey: key.publicKey,
        },
        corrections: corrections.map((c) => ({
          id: c.id,
          creditCode: c.creditCode,
          field: c.field,
          previousValue: c.previousValue,
          claimedValue: c.claimedValue,
          decision: c.status as 'accepted' | 'rejected',
          reason: c.decisionReason ?? '',
          decidedAt: c.decidedAt ?? '',
        })),
        entries: entries.map((e) => ({
          rank: e.rank,
          creditCode: e.creditCode,
          name: e.name,
          regionCode: e.regionCode,
          industry: e.industry,
          total: e.total,
          previousRank: e.previousRank,
          movement: e.movement,
          indicators: e.indicators,
        })),
      };
      const text = canonicalEditionJson(doc);
      const bytes = Buffer.from(text, 'utf8');
      const signature = signCanonical(bytes, key.privateKey, key.publicKey);
      // Never publish a signature that does not check out (a broken key, a library fault).
      if (!signatureMatches(bytes, signature, key.publicKey)) throw new Error('self-check failed');
      const canonicalSm3 = sm3Hex(bytes);
      const published = await repo.updateEditionIf(trx, id, ['closed'], {
        status: 'published',
        publishedAt: now,
        updatedAt: now,
        finalInputsSm3: doc.edition.finalInputsSm3,
        entryCount: entries.length,
        previousEditionId: doc.edition.previousEditionId,
        canonicalSm3,
        signature,
        publicKey: key.publicKey,
        keyId: key.id,
      });
      if (!published) throw new AppError('ranking.wrong_state');
      await repo.insertDocument(trx, id, text);
      await repo.insertEntries(
        trx,
        entries.map((e) => ({
          editionId: id,
          orgId: e.orgId,
          rank: e.rank,
          creditCode: e.creditCode,
          name: e.name,
          regionCode: e.regionCode,
          industry: e.industry,
          total: e.total,
          previousRank: e.previousRank,
          movement: e.movement,
          breakdown: JSON.stringify(e.indicators),
        })),
      );
      await writeAudit(trx, ctx, {
        action: 'ranking.edition.publish',
        objectType: 'ranking_edition',
        objectId: id,
        detail: {
          entries: entries.length,
          canonicalSm3,
          algorithm: SIGNATURE_ALGORITHM,
          publicKey: key.publicKey,
          previousEditionId: doc.edition.previousEditionId,
        },
      });
    });
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Rolled back as a whole; the attempt itself is on record.
      await writeAuditAlone(ctx, {
        action: 'ranking.edition.publish',
        objectType: 'ranking_edition',
        objectId: id,
        outcome: 'failure',
        detail: { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
      });
    }
    throw error;
  }
  return getEdition(ctx, id);
}
