import type { Org, OrgInput } from '../../shared/api/orgs';
import type { Role } from '../../shared/roles';
import { appendAudit, SYSTEM_ACTOR } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import type { OrgsRepo } from './orgs-repo';
import type { NewUser, UserWithHash, UsersRepo } from './users-repo';

/** First-run set-up: the organisation and the director land together or not at all. */
export function createSetupRepo(deps: RepoDeps, orgs: OrgsRepo, users: UsersRepo) {
  return {
    /** Creates the organisation, the people, the discount limits per role and the starting objection standard; the first person (the director) is returned. */
    async complete(
      org: OrgInput,
      people: [NewUser, ...NewUser[]],
      start: { limits?: Partial<Record<Role, number>>; objections?: readonly { text: string; answers: readonly string[] }[] } = {},
    ): Promise<{ org: Org; user: UserWithHash } | null> {
      return inTransaction(deps, () => {
        if ((deps.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0) return null;
        const user = users.insertSync(SYSTEM_ACTOR, people[0]);
        if (!user) return null;
        const actor = { userId: user.id, userName: user.fullName };
        const createdOrg = orgs.insertSync(actor, org);
        for (const p of people.slice(1)) users.insertSync(actor, p);
        const at = deps.now().toISOString();
        const put = deps.sqlite.prepare(
          `INSERT INTO discount_limits (role, max_discount_bp, conditions, updated_by, updated_at) VALUES (?, ?, '', ?, ?)
           ON CONFLICT (role) DO UPDATE SET max_discount_bp = excluded.max_discount_bp, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        );
        for (const [role, bp] of Object.entries(start.limits ?? {})) {
          put.run(role, bp, user.id, at);
          appendAudit(deps.sqlite, actor, { action: 'update', entity: 'discount_limit', entityId: role, before: null, after: { role, maxDiscountBp: bp, conditions: '' } }, at);
        }
        const objection = deps.sqlite.prepare('INSERT INTO objections (text, sort) VALUES (?, ?) RETURNING id');
        const answer = deps.sqlite.prepare("INSERT INTO objection_answers (objection_id, product, answer, sort, updated_at) VALUES (?, '', ?, ?, ?)");
        for (const [i, o] of (start.objections ?? []).entries()) {
          const { id } = objection.get(o.text, i + 1) as { id: number };
          o.answers.forEach((a, j) => answer.run(id, a, j + 1, at));
          appendAudit(deps.sqlite, actor, { action: 'create', entity: 'objection', entityId: id, after: { text: o.text, answers: o.answers } }, at);
        }
        return { org: createdOrg, user };
      });
    },
  };
}

/** The set-up repository. */
export type SetupRepo = ReturnType<typeof createSetupRepo>;
