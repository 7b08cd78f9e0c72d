-- A claim's machines say which of them its amount pays for: only those count against the SME's allowance.
ALTER TABLE "ClaimMachine" ADD COLUMN     "covered" BOOLEAN NOT NULL DEFAULT false;

-- Claims filed before this counted every machine they named: keep that for them.
UPDATE "ClaimMachine" SET "covered" = true;

-- A draft belongs to its integrator until submitted: the county's wall hides drafts and everything attached to them.
DROP POLICY county_rows ON "Claim";
CREATE POLICY county_rows ON "Claim" TO retrofit_county USING ("countyId" = rp_county() AND "status" <> 'DRAFT');
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ClaimMachine', 'ClaimEvidence', 'ClaimEvent'] LOOP
    EXECUTE format('DROP POLICY county_rows ON %I', t);
    EXECUTE format('CREATE POLICY county_rows ON %I TO retrofit_county USING ("countyId" = rp_county() AND EXISTS (
      SELECT 1 FROM "Claim" c WHERE c.id = %I."claimId" AND c."status" <> ''DRAFT''))', t, t);
  END LOOP;
END $$;
