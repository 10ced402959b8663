import { jurisdictionContains, type Jurisdiction, type JurisdictionLevel } from '@medreg/domain';

/**
 * Which 资格补改 requests an authority's staff may see: those routed to an authority inside its
 * jurisdiction (the same or a lower level, in its area). A request outside is answered as not found.
 */
export function canSeeCorrection(viewer: Jurisdiction | null, routedTo: Jurisdiction): boolean {
  return viewer !== null && jurisdictionContains(viewer, routedTo);
}

const LEVELS: JurisdictionLevel[] = ['national', 'province', 'city', 'county'];
const PREFIX: Record<JurisdictionLevel, number> = { national: 0, province: 2, city: 4, county: 6 };

/** The same rule as a filter the list query can use: the routed-to authority's level and area prefix. */
export function correctionFilterFor(viewer: Jurisdiction): { levels: JurisdictionLevel[]; areaPrefix: string } {
  return { levels: LEVELS.slice(LEVELS.indexOf(viewer.level)), areaPrefix: viewer.areaCode.slice(0, PREFIX[viewer.level]) };
}
