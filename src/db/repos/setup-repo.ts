import type { Org, OrgInput } from '../../shared/api/orgs';
import { SYSTEM_ACTOR } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import type { OrgsRepo } from './orgs-repo';
import type { NewUser, UserWithHash, UsersRepo } from './users-repo';

/** First-run set-up: the organisation and the director land together or not at all. */
export function createSetupRepo(deps: RepoDeps, orgs: OrgsRepo, users: UsersRepo) {
  return {
    /** Creates the organisation and the people; the first person (the director) is returned. */
    async complete(org: OrgInput, people: [NewUser, ...NewUser[]]): Promise<{ org: Org; user: UserWithHash } | null> {
      return inTransaction(deps, () => {
        if ((deps.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0) return null;
        const user = users.insertSync(SYSTEM_ACTOR, people[0]);
        if (!user) return null;
        const actor = { userId: user.id, userName: user.fullName };
        const createdOrg = orgs.insertSync(actor, org);
        for (const p of people.slice(1)) users.insertSync(actor, p);
        return { org: createdOrg, user };
      });
    },
  };
}

/** The set-up repository. */
export type SetupRepo = ReturnType<typeof createSetupRepo>;
