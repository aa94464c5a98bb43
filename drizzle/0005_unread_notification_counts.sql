CREATE TABLE "unread_notification_counts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unread_notification_counts_non_negative" CHECK ("unread_notification_counts"."unread" >= 0)
);
--> statement-breakpoint
ALTER TABLE "unread_notification_counts" ADD CONSTRAINT "unread_notification_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;