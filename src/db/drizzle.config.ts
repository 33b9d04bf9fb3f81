import { defineConfig } from 'drizzle-kit';

// Migrations are kept per area (foundation, clients, documents, …) so that areas grow independently.
// Usage: SDELKA_AREA=clients npm run db:generate -- --name clients_init
const area = process.env.SDELKA_AREA ?? 'foundation';

export default defineConfig({
  dialect: 'sqlite',
  schema: `./src/db/schema/${area}.ts`,
  out: `./resources/migrations/${area}`,
});
