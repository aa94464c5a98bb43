CREATE TABLE "question_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_request_counts" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "sign_in_request_counts_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "questions" jsonb DEFAULT '[{"id":"focus","label":"What would you like to focus on in this session?","kind":"longText","required":true},{"id":"changes","label":"What has changed since your last session?","kind":"longText","required":false},{"id":"notes","label":"Is there anything else your coach should know?","kind":"longText","required":false}]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "sign_in_request_counts_window_idx" ON "sign_in_request_counts" USING btree ("window_start");