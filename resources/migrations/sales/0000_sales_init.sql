CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`manager_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`contact_id` integer,
	`deal_id` integer,
	`subject` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`our_person` text DEFAULT '' NOT NULL,
	`their_person` text DEFAULT '' NOT NULL,
	`reached_key_person` integer DEFAULT false NOT NULL,
	`made_contact` integer DEFAULT false NOT NULL,
	`interested` integer DEFAULT false NOT NULL,
	`meeting_set` integer DEFAULT false NOT NULL,
	`script_version_id` integer,
	`remind_minutes` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`script_version_id`) REFERENCES `standard_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_manager_day_idx` ON `activities` (`manager_id`,`status`,`day`);--> statement-breakpoint
CREATE INDEX `activities_client_idx` ON `activities` (`client_id`,`at`);--> statement-breakpoint
CREATE INDEX `activities_deal_idx` ON `activities` (`deal_id`);--> statement-breakpoint
CREATE TABLE `activity_day_stats` (
	`manager_id` integer NOT NULL,
	`day` text NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`cold_calls` integer DEFAULT 0 NOT NULL,
	`key_persons` integer DEFAULT 0 NOT NULL,
	`contacts` integer DEFAULT 0 NOT NULL,
	`interested` integer DEFAULT 0 NOT NULL,
	`meetings_set` integer DEFAULT 0 NOT NULL,
	`meetings_held` integer DEFAULT 0 NOT NULL,
	`proposals` integer DEFAULT 0 NOT NULL,
	`letters` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`manager_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `activity_day_stats_day_idx` ON `activity_day_stats` (`day`,`manager_id`);--> statement-breakpoint
CREATE TABLE `activity_objections` (
	`activity_id` integer NOT NULL,
	`objection_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `objection_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `activity_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`side` text NOT NULL,
	`user_id` integer,
	`contact_id` integer,
	`name` text NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `answer_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`answer_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`activity_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `objection_answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `answer_feedback_answer_idx` ON `answer_feedback` (`answer_id`);--> statement-breakpoint
CREATE TABLE `deal_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT 'шт' NOT NULL,
	`quantity_milli` integer NOT NULL,
	`price_kopecks` integer NOT NULL,
	`catalog_item_id` integer,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_lines_deal_idx` ON `deal_lines` (`deal_id`);--> statement-breakpoint
CREATE TABLE `deal_stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`from_outcome` text,
	`to_outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal_idx` ON `deal_stage_history` (`deal_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`contact_id` integer,
	`manager_id` integer NOT NULL,
	`title` text NOT NULL,
	`amount_kopecks` integer DEFAULT 0 NOT NULL,
	`close_month` text NOT NULL,
	`probability` integer DEFAULT 0 NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`stage` text NOT NULL,
	`outcome` text DEFAULT 'open' NOT NULL,
	`loss_reason_id` integer,
	`loss_note` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loss_reason_id`) REFERENCES `loss_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deals_manager_idx` ON `deals` (`manager_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `deals_client_idx` ON `deals` (`client_id`);--> statement-breakpoint
CREATE TABLE `loss_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `objection_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objection_id` integer NOT NULL,
	`product` text DEFAULT '' NOT NULL,
	`answer` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `objection_answers_objection_idx` ON `objection_answers` (`objection_id`);--> statement-breakpoint
CREATE TABLE `objection_day_stats` (
	`manager_id` integer NOT NULL,
	`day` text NOT NULL,
	`objection_id` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `manager_id`, `objection_id`)
);
--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `standard_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`standard_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `standard_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`target_id` integer NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `standard_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `standard_links_version_idx` ON `standard_links` (`version_id`);--> statement-breakpoint
CREATE TABLE `standard_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`standard_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`stronger` text DEFAULT '' NOT NULL,
	`weaker` text DEFAULT '' NOT NULL,
	`offer` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_versions_unique` ON `standard_versions` (`standard_id`,`version`);--> statement-breakpoint
CREATE TABLE `standards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
