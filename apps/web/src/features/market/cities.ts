import { type CityCode, isCityCode } from '@corridor/contracts';

/** The sub-market a user lands on: their own city, or Wuhan for the province. */
export function homeCity(regionCode: string | undefined): CityCode {
  return regionCode && isCityCode(regionCode) ? regionCode : '420100';
}
