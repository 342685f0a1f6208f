import { LetterLanguage, letterTemplate } from '@asw/documents';
import { ENUM_LABELS } from '@asw/subgraph';
import type { ClientAccessLogPerson } from './access-log-request.model';

/** Who an access-log line names: as logged (user id or partner client id, roles, organisation from the token). */
export interface LoggedActor {
  actorKind: string;
  actorId: string;
  actorRoles: string[];
  organisation: string;
}

export const actorKey = (actor: Pick<LoggedActor, 'actorKind' | 'actorId'>): string => `${actor.actorKind}:${actor.actorId}`;

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('fi') + text.slice(1);

/** A worker role as a title in the letter's language (the WorkerRole labels, libs/subgraph labels). */
export function roleTitle(role: string | undefined, language: LetterLanguage): string | null {
  const labels = role ? ENUM_LABELS.WorkerRole?.[role] : undefined;
  return labels ? lowerFirst(language === 'SV' ? labels.sv : labels.fi) : null;
}

/**
 * Names the people in an answer to a client's access-log request (703/2023 11 §: who processed the
 * data, not only user ids): workers by name and title from the worker register; a worker the register
 * does not know by user id, titled by the role logged; a partner by its organisation's name.
 */
export async function namePeople(manager: { query(sql: string, parameters?: unknown[]): Promise<any> }, actors: readonly LoggedActor[], language: LetterLanguage): Promise<Map<string, ClientAccessLogPerson>> {
  const userIds = [...new Set(actors.filter((actor) => actor.actorKind === 'user').map((actor) => actor.actorId))];
  const workers: Array<{ user_id: string; name: string; role: string }> =
    userIds.length === 0 ? [] : await manager.query(`SELECT DISTINCT ON (user_id) user_id, name, role FROM worker WHERE user_id = ANY($1::text[]) ORDER BY user_id, registered_at DESC`, [userIds]);
  const byUser = new Map(workers.map((worker) => [worker.user_id, worker]));
  const partners = letterTemplate(language).accessLog.values;
  const people = new Map<string, ClientAccessLogPerson>();
  for (const actor of actors) {
    const key = actorKey(actor);
    if (people.has(key)) continue;
    if (actor.actorKind === 'partner') {
      const partner = actor.actorRoles[0] ?? actor.organisation;
      people.set(key, { actorId: actor.actorId, name: partners[partner] ?? partner, title: null, organisation: actor.organisation });
      continue;
    }
    const worker = byUser.get(actor.actorId);
    people.set(key, {
      actorId: actor.actorId,
      name: worker?.name ?? actor.actorId,
      title: roleTitle(worker?.role ?? actor.actorRoles[0], language),
      organisation: actor.organisation,
    });
  }
  return people;
}
