CREATE TABLE `claim_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`claimant_id` integer NOT NULL,
	`holder_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` integer,
	`winner_id` integer,
	`resolution` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claimant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`winner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_conflicts_status_idx` ON `claim_conflicts` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `client_bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`bik` text NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`corr_account` text DEFAULT '' NOT NULL,
	`account` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_bank_accounts_client_idx` ON `client_bank_accounts` (`client_id`);--> statement-breakpoint
CREATE INDEX `client_bank_accounts_account_idx` ON `client_bank_accounts` (`account`);--> statement-breakpoint
CREATE TABLE `client_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`decision_role` text DEFAULT 'other' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`birthday` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_contacts_client_idx` ON `client_contacts` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`contact_id` integer,
	`email` text NOT NULL,
	`domain` text,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_emails_client_idx` ON `client_emails` (`client_id`);--> statement-breakpoint
CREATE INDEX `client_emails_email_idx` ON `client_emails` (`email`);--> statement-breakpoint
CREATE INDEX `client_emails_domain_idx` ON `client_emails` (`domain`);--> statement-breakpoint
CREATE TABLE `client_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`text` text DEFAULT '' NOT NULL,
	`ref_entity` text,
	`ref_id` integer,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_events_client_idx` ON `client_events` (`client_id`,`at`);--> statement-breakpoint
CREATE INDEX `client_events_kind_idx` ON `client_events` (`client_id`,`kind`);--> statement-breakpoint
CREATE TABLE `client_phones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`contact_id` integer,
	`value` text NOT NULL,
	`normalized` text,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_phones_client_idx` ON `client_phones` (`client_id`);--> statement-breakpoint
CREATE INDEX `client_phones_normalized_idx` ON `client_phones` (`normalized`);--> statement-breakpoint
CREATE TABLE `client_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_sources_name_unique` ON `client_sources` (`name`);--> statement-breakpoint
CREATE TABLE `client_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_user_id` integer,
	`to_user_id` integer,
	`by_user_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_transfers_client_idx` ON `client_transfers` (`client_id`,`at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`full_name` text NOT NULL,
	`short_name` text NOT NULL,
	`name_key` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`inn` text DEFAULT '' NOT NULL,
	`kpp` text DEFAULT '' NOT NULL,
	`ogrn` text DEFAULT '' NOT NULL,
	`legal_address` text DEFAULT '' NOT NULL,
	`postal_address` text DEFAULT '' NOT NULL,
	`actual_address` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`segment` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`source_id` integer,
	`comment` text DEFAULT '' NOT NULL,
	`responsible_id` integer,
	`claimed_at` text,
	`last_activity_at` text NOT NULL,
	`ladder_step` text DEFAULT 'potential' NOT NULL,
	`import_batch_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `client_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clients_inn_idx` ON `clients` (`inn`);--> statement-breakpoint
CREATE INDEX `clients_name_key_idx` ON `clients` (`name_key`);--> statement-breakpoint
CREATE INDEX `clients_responsible_idx` ON `clients` (`responsible_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `clients_region_idx` ON `clients` (`region`);--> statement-breakpoint
CREATE INDEX `clients_segment_idx` ON `clients` (`segment`);--> statement-breakpoint
CREATE INDEX `clients_source_idx` ON `clients` (`source_id`);--> statement-breakpoint
CREATE TABLE `division_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`manager_id` integer NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `division_rules_unique` ON `division_rules` (`dimension`,`value`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text NOT NULL,
	`delimiter` text DEFAULT '' NOT NULL,
	`mapping` text NOT NULL,
	`owner_id` integer,
	`user_id` integer,
	`counts` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_batches_hash_unique` ON `import_batches` (`file_hash`);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`category` text NOT NULL,
	`decision` text NOT NULL,
	`outcome` text NOT NULL,
	`client_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_rows_batch_idx` ON `import_rows` (`batch_id`,`row_no`);--> statement-breakpoint
CREATE TABLE `questionnaire_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`form_id` integer NOT NULL,
	`title` text NOT NULL,
	`filled_on` text NOT NULL,
	`fields` text NOT NULL,
	`answers` text NOT NULL,
	`user_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`form_id`) REFERENCES `questionnaire_forms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `questionnaire_answers_client_idx` ON `questionnaire_answers` (`client_id`,`filled_on`);--> statement-breakpoint
CREATE TABLE `questionnaire_forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`fields` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
