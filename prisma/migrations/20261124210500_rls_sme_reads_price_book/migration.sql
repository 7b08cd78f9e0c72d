-- An SME owner's project page shows the price-book version its quote was priced with (found by the e2e journey:
-- without this policy the owner's project page failed on the hidden relation).
CREATE POLICY sme_reads ON "PriceBookVersion" FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator());
