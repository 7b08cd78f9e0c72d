import { createCallerFactory, router } from './init';
import { acceptanceRouter } from './routers/acceptance';
import { assessmentsRouter } from './routers/assessments';
import { auditRouter } from './routers/audit';
import { claimsRouter } from './routers/claims';
import { clientsRouter, clustersRouter } from './routers/clients';
import { fundAdminRouter, fundsRouter } from './routers/funds';
import { inventoryRouter } from './routers/inventory';
import { meRouter } from './routers/me';
import { notificationsRouter } from './routers/notifications';
import { projectsRouter } from './routers/projects';
import { resultsRouter } from './routers/results';
import { staffRouter } from './routers/staff';
import { telemetryRouter } from './routers/telemetry';
import { shiftCalendarRouter, terminalsRouter } from './routers/terminals';
import { todosRouter } from './routers/todos';

export const appRouter = router({
  me: meRouter,
  clients: clientsRouter,
  clusters: clustersRouter,
  funds: fundsRouter,
  staff: staffRouter,
  inventory: inventoryRouter,
  assessments: assessmentsRouter,
  projects: projectsRouter,
  fundAdmin: fundAdminRouter,
  claims: claimsRouter,
  audit: auditRouter,
  todos: todosRouter,
  notifications: notificationsRouter,
  terminals: terminalsRouter,
  shiftCalendar: shiftCalendarRouter,
  telemetry: telemetryRouter,
  acceptance: acceptanceRouter,
  results: resultsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
