CREATE TABLE `request_answers` (
	`request_key` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`entry` text NOT NULL,
	`envelope` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_answers_at` ON `request_answers` (`at`);
