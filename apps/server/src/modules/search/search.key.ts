import {
  CITY_CODES,
  FIELD_CODES,
  PRICE_BAND_CODES,
  type PriceBand,
  priceBand,
  TRANSFER_MODE_CODES,
  type TransferMode,
} from '@corridor/contracts';

/**
 * The search key: one integer per listed record that is both its row id in the full-text index
 * and its sort key. High bits hold a listing sequence number (newest = largest), so an index
 * scanned in key order yields the newest matches first and can stop early; low bits hold the
 * facet values, so facet counts come from the keys alone, without reading any row.
 *
 *   bits  0–3   transfer modes (bit mask)       bits 14–16  price band index
 *   bits  4–7   TRL (0 for demands)             bits 17–26  price bucket (monotone in price)
 *   bits  8–10  field index                     bits 27–52  listing sequence (2^26 listings)
 *   bits 11–13  city index
 *
 * Everything stays below 2^53, so keys are exact JavaScript numbers; JS bit operators are
 * 32-bit, hence the arithmetic below.
 */
export const LOW_BITS = 2 ** 27;
export const MAX_SEQ = 2 ** 26 - 1;
export const NEGOTIABLE_BUCKET = 1023;

export interface KeyFacets {
  city: string;
  field: string;
  trl: number;
  modes: readonly TransferMode[];
  priceWan: number | null;
}

/** Monotone in price: a higher price never lands in a lower bucket (so bucket order = price order). */
export function priceBucket(priceWan: number | null): number {
  if (priceWan === null) return NEGOTIABLE_BUCKET;
  return Math.min(1022, Math.floor(200 * Math.log10(1 + priceWan)));
}

export function modesMask(modes: readonly TransferMode[]): number {
  let mask = 0;
  for (const m of modes) mask |= 1 << TRANSFER_MODE_CODES.indexOf(m);
  return mask;
}

function index<T extends string>(list: readonly T[], value: string): number {
  const i = list.indexOf(value as T);
  if (i < 0) throw new RangeError(`unknown value ${value}`);
  return i;
}

export function lowBits(f: KeyFacets): number {
  const band = index(PRICE_BAND_CODES, priceBand(f.priceWan));
  return (
    modesMask(f.modes) |
    (f.trl << 4) |
    (index(FIELD_CODES, f.field) << 8) |
    (index(CITY_CODES, f.city) << 11) |
    (band << 14) |
    (priceBucket(f.priceWan) << 17)
  );
}

export function makeKey(seq: number, facets: KeyFacets): number {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError('seq out of range');
  return seq * LOW_BITS + lowBits(facets);
}

export interface DecodedKey {
  seq: number;
  modes: number;
  trl: number;
  field: number;
  city: number;
  band: number;
  bucket: number;
}

export function decodeKey(key: number): DecodedKey {
  const low = key % LOW_BITS;
  return {
    seq: Math.floor(key / LOW_BITS),
    modes: low & 15,
    trl: (low >>> 4) & 15,
    field: (low >>> 8) & 7,
    city: (low >>> 11) & 7,
    band: (low >>> 14) & 7,
    bucket: (low >>> 17) & 1023,
  };
}

export function bandOfIndex(i: number): PriceBand {
  return PRICE_BAND_CODES[i] ?? 'negotiable';
}

/** Tags: index-only tokens for the filters. '_' never survives text normalisation: no clash. */
export function facetTags(f: KeyFacets, orgId: number): string[] {
  return [
    '_all',
    `_c${index(CITY_CODES, f.city)}`,
    `_f${index(FIELD_CODES, f.field)}`,
    ...(f.trl ? [`_t${f.trl}`] : []),
    ...f.modes.map((m) => `_m${index(TRANSFER_MODE_CODES, m)}`),
    `_b${index(PRICE_BAND_CODES, priceBand(f.priceWan))}`,
    `_o${orgId}`,
  ];
}
