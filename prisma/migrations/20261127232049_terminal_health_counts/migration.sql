-- DropIndex
DROP INDEX "TerminalHealth_integratorId_lastSeenAt_idx";

-- AlterTable
ALTER TABLE "TerminalHealth" ADD COLUMN     "live" BOOLEAN NOT NULL DEFAULT true;

-- Every terminal has its health row from the start, and the row knows whether its terminal is a live data terminal
-- (not revoked, not a gateway). The terminal health counts then read TerminalHealth alone through the partial indexes
-- below: the silent, never and problem terminals are few, the reporting ones are the rest of the live terminals
-- (counted on Terminal's own partial index). Triggers keep it so whatever writes terminals (the app, an import, a
-- seed); they run as the table owner because the tenant roles may not write health rows.
INSERT INTO "TerminalHealth" ("terminalId", "integratorId", "smeClientId")
SELECT t."id", t."integratorId", t."smeClientId" FROM "Terminal" t
ON CONFLICT ("terminalId") DO NOTHING;
UPDATE "TerminalHealth" h SET "live" = (t."revokedAt" IS NULL AND t."kind" = 'TERMINAL') FROM "Terminal" t WHERE t."id" = h."terminalId";

CREATE OR REPLACE FUNCTION rp_terminal_health_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "TerminalHealth" ("terminalId", "integratorId", "smeClientId", "live")
    VALUES (NEW."id", NEW."integratorId", NEW."smeClientId", NEW."revokedAt" IS NULL AND NEW."kind" = 'TERMINAL')
    ON CONFLICT ("terminalId") DO NOTHING;
  ELSE
    UPDATE "TerminalHealth" SET "live" = (NEW."revokedAt" IS NULL AND NEW."kind" = 'TERMINAL') WHERE "terminalId" = NEW."id";
  END IF;
  RETURN NULL;
END
$f$;
CREATE TRIGGER terminal_health_row AFTER INSERT ON "Terminal" FOR EACH ROW EXECUTE FUNCTION rp_terminal_health_row();
CREATE TRIGGER terminal_health_live AFTER UPDATE OF "revokedAt", "kind" ON "Terminal" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."kind" IS DISTINCT FROM NEW."kind") EXECUTE FUNCTION rp_terminal_health_row();

CREATE INDEX "Terminal_live_by_integrator" ON "Terminal"("integratorId") WHERE "revokedAt" IS NULL AND "kind" = 'TERMINAL';
CREATE INDEX "Terminal_live_by_sme" ON "Terminal"("smeClientId") WHERE "revokedAt" IS NULL;
CREATE INDEX "TerminalHealth_live_seen" ON "TerminalHealth"("integratorId", "lastAt") WHERE "live" AND "lastSeenAt" IS NOT NULL;
CREATE INDEX "TerminalHealth_live_never" ON "TerminalHealth"("integratorId") WHERE "live" AND "lastSeenAt" IS NULL;
CREATE INDEX "TerminalHealth_live_problems" ON "TerminalHealth"("integratorId") WHERE "live" AND ("refused" > 0 OR "malformed" > 0);
CREATE INDEX "Terminal_live_gateways" ON "Terminal"("integratorId", "serial") WHERE "kind" = 'GATEWAY' AND "revokedAt" IS NULL;
