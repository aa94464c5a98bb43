DROP INDEX "notifications_user_created_idx";--> statement-breakpoint
DROP INDEX "sessions_coach_starts_idx";--> statement-breakpoint
DROP INDEX "sessions_client_starts_idx";--> statement-breakpoint
CREATE INDEX "invites_coach_starts_id_idx" ON "invites" USING btree ("coach_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "invites_client_starts_id_idx" ON "invites" USING btree ("client_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sessions_coach_starts_idx" ON "sessions" USING btree ("coach_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "sessions_client_starts_idx" ON "sessions" USING btree ("client_id","starts_at","id");