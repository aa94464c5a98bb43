-- Keeps unread_notification_counts equal to each person's unread notifications: every insert,
-- read, unread and delete of a notification moves its owner's count in the same transaction.
CREATE FUNCTION "count_unread_notifications"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
  owner uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    owner := NEW.user_id;
    IF NEW.read_at IS NULL THEN delta := 1; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    owner := OLD.user_id;
    IF OLD.read_at IS NULL THEN delta := -1; END IF;
  ELSE
    owner := NEW.user_id;
    IF OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN delta := -1;
    ELSIF OLD.read_at IS NOT NULL AND NEW.read_at IS NULL THEN delta := 1;
    END IF;
  END IF;
  -- A count only falls for a notification that raised it, so its row exists then; an upsert
  -- would check its proposed row (owner, -1) against the non-negative rule before the conflict.
  IF delta > 0 THEN
    INSERT INTO "unread_notification_counts" ("user_id", "unread") VALUES (owner, delta)
    ON CONFLICT ("user_id") DO UPDATE SET "unread" = "unread_notification_counts"."unread" + delta;
  ELSIF delta < 0 THEN
    UPDATE "unread_notification_counts" SET "unread" = "unread" + delta WHERE "user_id" = owner;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "notifications_count_unread"
AFTER INSERT OR DELETE OR UPDATE OF "read_at" ON "notifications"
FOR EACH ROW EXECUTE FUNCTION "count_unread_notifications"();
--> statement-breakpoint
INSERT INTO "unread_notification_counts" ("user_id", "unread")
SELECT "user_id", count(*) FROM "notifications" WHERE "read_at" IS NULL GROUP BY "user_id"
ON CONFLICT ("user_id") DO UPDATE SET "unread" = excluded."unread";
