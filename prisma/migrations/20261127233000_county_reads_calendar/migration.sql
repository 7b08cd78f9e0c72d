-- A county reads the shift calendar of the firms that filed a claim with it, as it reads their hour records
-- (20261127191953_acceptance_pack): the watch of a funded project's machines (the claim page, the county's to-do)
-- counts planned hours from the firm's own calendar, the same figures the integrator sees.
CREATE POLICY county_reads_claimants ON "ShiftCalendar" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "ShiftCalendar"."smeClientId" AND c."countyId" = rp_county()));
