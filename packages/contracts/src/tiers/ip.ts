/** IP classes (reference §2 "IP classes"). Trademarks belong to neither class. */
import type { EnterpriseYear, IpKind } from './types';

export const IP_CLASS: Record<IpKind, 'I' | 'II' | null> = {
  inventionPatent: 'I',
  defencePatent: 'I',
  plantVariety: 'I',
  nationalCropVariety: 'I',
  nationalNewDrug: 'I',
  tcmProtectedVarietyGradeI: 'I',
  icLayoutDesign: 'I',
  utilityModel: 'II',
  design: 'II',
  softwareCopyright: 'II',
  trademark: null,
};

/** Number of valid IP items of one class. */
export function ipCount(x: EnterpriseYear, cls: 'I' | 'II'): number {
  let n = 0;
  for (const [kind, count] of Object.entries(x.ip ?? {})) {
    if (IP_CLASS[kind as IpKind] === cls) n += count ?? 0;
  }
  return n;
}
