-- Row-level security: the second wall behind the application's tenant gate (docs/decisions/0011).
--
-- The app connects as the owner of the tables (which bypasses RLS: sign-in, seeding and migrations need that).
-- Every tenant-scoped transaction of the tenant gate drops to one of three roles and names its tenant:
--   SELECT set_config('role', 'retrofit_integrator' | 'retrofit_sme' | 'retrofit_county', true),
--          set_config('app.integrator_id', …, true), set_config('app.sme_client_id', …, true),
--          set_config('app.county_id', …, true), set_config('app.user_id', …, true)
-- Under those roles a row is visible only if a policy below lets that kind of tenant see it, whatever the query
-- says. A role per kind of scope keeps each policy a plain equality on the tenant key (index-friendly).

DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['retrofit_app', 'retrofit_integrator', 'retrofit_sme', 'retrofit_county'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- roles are per cluster; another database made it
    END;
  END LOOP;
  FOREACH r IN ARRAY ARRAY['retrofit_integrator', 'retrofit_sme', 'retrofit_county'] LOOP
    EXECUTE format('GRANT retrofit_app TO %I', r);
    BEGIN
      EXECUTE format('GRANT %I TO CURRENT_USER', r); -- the connecting role must be allowed to SET ROLE
    EXCEPTION WHEN OTHERS THEN NULL; -- superusers may anyway; a DBA grants it where this is not allowed
    END;
  END LOOP;
END $$;

GRANT USAGE ON SCHEMA public TO retrofit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO retrofit_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO retrofit_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO retrofit_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO retrofit_app;
REVOKE ALL ON "_prisma_migrations" FROM retrofit_app;

-- The tenant of the current transaction ('' and unset read as NULL, which matches nothing).
CREATE OR REPLACE FUNCTION rp_integrator() RETURNS text LANGUAGE sql STABLE AS $f$ SELECT NULLIF(current_setting('app.integrator_id', true), '') $f$;
CREATE OR REPLACE FUNCTION rp_sme() RETURNS text LANGUAGE sql STABLE AS $f$ SELECT NULLIF(current_setting('app.sme_client_id', true), '') $f$;
CREATE OR REPLACE FUNCTION rp_county() RETURNS text LANGUAGE sql STABLE AS $f$ SELECT NULLIF(current_setting('app.county_id', true), '') $f$;
CREATE OR REPLACE FUNCTION rp_user() RETURNS text LANGUAGE sql STABLE AS $f$ SELECT NULLIF(current_setting('app.user_id', true), '') $f$;

DO $$
DECLARE t text;
BEGIN
  -- every table of the app has RLS on; a table without a policy for a role shows that role nothing
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  END LOOP;

  -- Inventory, assessments, projects: owned by an integrator, each row of one SME.
  FOREACH t IN ARRAY ARRAY['SmeContact', 'ClusterMembership', 'Site', 'Workshop', 'ProductionLine', 'Machine', 'MachineChange',
    'InventoryImport', 'Assessment', 'AssessmentEvidence', 'StoredFile', 'Project', 'ProjectMachine', 'CostLine', 'SavingsLine',
    'Quote', 'ProjectStatusChange', 'CostEntry', 'MeasuredSaving'] LOOP
    EXECUTE format('CREATE POLICY integrator_rows ON %I TO retrofit_integrator USING ("integratorId" = rp_integrator())', t);
    EXECUTE format('CREATE POLICY sme_rows ON %I TO retrofit_sme USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())', t);
    -- a county reads (never writes) what SMEs put in front of it: the data of SMEs that filed a claim with it
    EXECUTE format('CREATE POLICY county_reads_claimants ON %I FOR SELECT TO retrofit_county USING (EXISTS (
      SELECT 1 FROM "Claim" c WHERE c."smeClientId" = %I."smeClientId" AND c."countyId" = rp_county()))', t, t);
  END LOOP;

  -- Claims sit between the integrator that files them and the county that decides them.
  FOREACH t IN ARRAY ARRAY['Claim', 'ClaimMachine', 'ClaimEvidence', 'ClaimEvent'] LOOP
    EXECUTE format('CREATE POLICY integrator_rows ON %I TO retrofit_integrator USING ("integratorId" = rp_integrator())', t);
    EXECUTE format('CREATE POLICY sme_rows ON %I FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())', t);
    EXECUTE format('CREATE POLICY county_rows ON %I TO retrofit_county USING ("countyId" = rp_county())', t);
  END LOOP;

  -- Funds belong to a county; integrators taking part (and their SME owners) read them.
  FOREACH t IN ARRAY ARRAY['FundBatch', 'FundRuleVersion'] LOOP
    EXECUTE format('CREATE POLICY county_rows ON %I TO retrofit_county USING ("countyId" = rp_county())', t);
    EXECUTE format('CREATE POLICY participant_reads ON %I FOR SELECT TO retrofit_integrator, retrofit_sme USING (EXISTS (
      SELECT 1 FROM "FundParticipation" p WHERE p."fundId" = %I."fundId" AND p."integratorId" = rp_integrator()))', t, t);
  END LOOP;
END $$;

CREATE POLICY county_rows ON "Fund" TO retrofit_county USING ("countyId" = rp_county());
CREATE POLICY participant_reads ON "Fund" FOR SELECT TO retrofit_integrator, retrofit_sme USING (EXISTS (
  SELECT 1 FROM "FundParticipation" p WHERE p."fundId" = "Fund".id AND p."integratorId" = rp_integrator()));

CREATE POLICY county_rows ON "FundParticipation" TO retrofit_county USING ("countyId" = rp_county());
CREATE POLICY participant_reads ON "FundParticipation" FOR SELECT TO retrofit_integrator, retrofit_sme USING ("integratorId" = rp_integrator());

-- A county records the subsidy it approved on the project of the claim (and nothing else of the project).
CREATE POLICY county_approves_subsidy ON "Project" FOR UPDATE TO retrofit_county
  USING (EXISTS (SELECT 1 FROM "Claim" c WHERE c."projectId" = "Project".id AND c."countyId" = rp_county()));

-- SME clients: the integrator's own; an SME owner only their firm; a county the firms that filed claims with it.
CREATE POLICY integrator_rows ON "SmeClient" TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY sme_rows ON "SmeClient" FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator() AND id = rp_sme());
CREATE POLICY county_reads_claimants ON "SmeClient" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "SmeClient".id AND c."countyId" = rp_county()));

-- Integrator-wide tables (no SME column): an SME owner reads within their integrator; the app narrows it further.
CREATE POLICY integrator_rows ON "Cluster" TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY sme_reads ON "Cluster" FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator());
CREATE POLICY integrator_rows ON "PriceBookVersion" TO retrofit_integrator USING ("integratorId" = rp_integrator());

-- The tenants themselves.
CREATE POLICY own ON "Integrator" FOR SELECT TO retrofit_integrator, retrofit_sme USING (id = rp_integrator());
CREATE POLICY participants ON "Integrator" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "FundParticipation" p WHERE p."integratorId" = "Integrator".id AND p."countyId" = rp_county()));
CREATE POLICY own ON "County" FOR SELECT TO retrofit_county USING (id = rp_county());
CREATE POLICY participated ON "County" FOR SELECT TO retrofit_integrator, retrofit_sme USING (EXISTS (
  SELECT 1 FROM "FundParticipation" p WHERE p."countyId" = "County".id AND p."integratorId" = rp_integrator()));

-- People: users and invitations of one's own tenant (an SME owner reads the names of their integrator's people).
CREATE POLICY integrator_rows ON "User" TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY sme_reads ON "User" FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator());
CREATE POLICY county_rows ON "User" TO retrofit_county USING ("countyId" = rp_county());
CREATE POLICY integrator_rows ON "Invitation" TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY county_rows ON "Invitation" TO retrofit_county USING ("countyId" = rp_county());

-- The audit log: each tenant appends its own entries and reads them (SME owners only those they wrote).
CREATE POLICY integrator_rows ON "AuditEvent" FOR SELECT TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY county_rows ON "AuditEvent" FOR SELECT TO retrofit_county USING ("countyId" = rp_county());
CREATE POLICY sme_own ON "AuditEvent" FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator() AND "actorId" = rp_user());
CREATE POLICY tenant_appends ON "AuditEvent" FOR INSERT TO retrofit_integrator, retrofit_sme, retrofit_county
  WITH CHECK ("integratorId" = rp_integrator() OR "countyId" = rp_county());

-- PasswordReset and SignInThrottle have no policy: only the signed-out paths (the owner connection) use them.
