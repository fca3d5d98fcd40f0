/**
 * Bench helper run in a worker thread: generates a block-aligned slice of the demo achievements
 * and builds their index documents (jieba segmentation, pinyin), so segmentation runs in
 * parallel with the main thread's inserts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { NamedOwner } from '../src/modules/market/market.bulk';
import { generateAchievements } from '../src/modules/market/market.seed';
import { achievementSource, buildIndexDoc } from '../src/modules/search';

const { owners, count, firstSeq } = workerData as {
  owners: NamedOwner[];
  count: number;
  firstSeq: number;
};
const names = new Map(owners.map((o) => [o.id, o.name]));

parentPort!.on('message', ({ start, length }: { start: number; length: number }) => {
  const items = [];
  let i = start;
  for (const a of generateAchievements({ count, owners, mix: 'listed', start, length })) {
    const doc = buildIndexDoc(
      firstSeq + i,
      achievementSource({ ...a, orgName: names.get(a.orgId) ?? '' }),
    );
    items.push({ a, doc });
    i += 1;
  }
  parentPort!.postMessage({ start, items });
});
