-- Record versions for concurrent edits: our organisations carry a version and who saved them last;
-- records kept as a set (office settings, signing rules, a year's plan grid) keep theirs in record_stamps.
ALTER TABLE `organizations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE TABLE `record_stamps` (
	`key` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
