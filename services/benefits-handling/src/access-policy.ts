import { accessPolicy, AccessSubject, GraphContext, parseId } from '@asw/subgraph';
import { queueBasis, queueTeamOf } from './access';

/** Whether each client has an application in the team's queue, for all clients of one request level in one query. */
function clientsInQueue(ctx: GraphContext, team: string) {
  return ctx.loaders.get<boolean>(`clients-in-queue:${team}`, async (clientIds) => {
    const rows: Array<{ client_id: string }> = await ctx.db.query(
      `SELECT DISTINCT client_id FROM income_support_application WHERE handling_team = $1 AND client_id = ANY($2::uuid[])`,
      [team, clientIds],
    );
    const inQueue = new Set(rows.map((row) => row.client_id));
    return clientIds.map((id) => inQueue.has(id));
  });
}

/**
 * benefits-handling's access policy table (libs/subgraph/src/policy). Besides the library's bases:
 * - `queue`: the subject is an application (`handlingTeam`) in the queue of the caller's team (a
 *   BENEFITS_HANDLER, or the SUPERVISOR who leads the team): basis `queue:<team>`;
 * - `queueClient`: the client has an application in that queue (reaching the client's applications:
 *   only those in the queue are then listed).
 */
export const Access = accessPolicy({
  service: 'benefits-handling',
  bases: {
    queue: (ctx, subject: AccessSubject) => {
      const team = queueTeamOf(ctx.identity);
      return team !== null && subject.handlingTeam === team ? queueBasis(team) : null;
    },
    queueClient: async (ctx, subject: AccessSubject) => {
      const team = queueTeamOf(ctx.identity);
      return team !== null && subject.clientId !== null && (await clientsInQueue(ctx, team).load(subject.clientId)) ? queueBasis(team) : null;
    },
  },
});

/** The subject an application id names (its client and queue), or null when it names none. */
export async function applicationSubject(ctx: GraphContext, idInput: string, field = 'id'): Promise<AccessSubject | null> {
  const [row] = await ctx.db.query(`SELECT client_id, handling_team FROM income_support_application WHERE id = $1`, [parseId(idInput, field)]);
  return row ? { clientId: row.client_id, handlingTeam: row.handling_team } : null;
}
