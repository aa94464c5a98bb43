-- No two held or booked blocks of one coach may overlap, except a reschedule's new block with its
-- own session's block (same coalesce(session_id, id) group). drizzle-kit cannot express this.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "calendar_blocks" ADD CONSTRAINT "calendar_blocks_no_overlap"
  EXCLUDE USING gist (
    "coach_id" WITH =,
    tstzrange("starts_at", "ends_at", '[)') WITH &&,
    (coalesce("session_id", "id")) WITH <>
  ) WHERE ("status" IN ('held', 'booked'));
