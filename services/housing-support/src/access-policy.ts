import { accessPolicy, AccessSubject, GraphContext, parseId } from '@asw/subgraph';

/**
 * housing-support's access policy table (libs/subgraph/src/policy): a client's housing data opens by a
 * client-wide relationship or an access with justification (basis `relationship`, the default); this
 * service adds no bases of its own.
 */
export const Access = accessPolicy({ service: 'housing-support' });

/** The client a housing support period id names, or null when it names none (refused like one out of reach). */
export async function periodSubject(ctx: GraphContext, idInput: string, field = 'id'): Promise<AccessSubject | null> {
  const [row] = await ctx.db.query(`SELECT client_id FROM housing_support_period WHERE id = $1`, [parseId(idInput, field)]);
  return row ? { clientId: row.client_id } : null;
}
