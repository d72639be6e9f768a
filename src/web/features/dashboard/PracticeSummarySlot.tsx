/**
 * @module SLOT for the practice-log trend on the leader's dashboard: share of co-service and self-service by month
 * and the most-used competences per unit, from `GET /api/units/{unitId}/practice-summary` (issue 5, part 4).
 *
 * That route is built on another branch and does not exist here. The lead fills this component in at merge: one
 * section per led unit with the summary as a table (a chart only beside its table), the minimum group size honoured,
 * and a link to the practice-log page. Until then it renders nothing, so no made-up figures are ever shown.
 */
export interface PracticeSummarySlotProps {
  /** The units the leader leads directly; each gets its own summary. */
  units: readonly { id: string; name: string }[];
}

export function PracticeSummarySlot(_props: PracticeSummarySlotProps) {
  return null;
}
