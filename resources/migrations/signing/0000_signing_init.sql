CREATE TABLE `calendar_days` (
	`day` text PRIMARY KEY NOT NULL,
	`working` integer NOT NULL,
	`work_no` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_days_work_no_idx` ON `calendar_days` (`work_no`) WHERE working = 1;--> statement-breakpoint
CREATE TABLE `document_scans` (
	`document_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`attached_by` integer,
	`attached_at` text NOT NULL,
	PRIMARY KEY(`document_id`, `sha256`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `scans`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attached_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_signing_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`state` text NOT NULL,
	`method` text,
	`at` text NOT NULL,
	`tracking_number` text DEFAULT '' NOT NULL,
	`filed_where` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_signing_events_document_idx` ON `document_signing_events` (`document_id`,`id`);--> statement-breakpoint
CREATE TABLE `document_signing_state` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`state_at` text NOT NULL,
	`kind` text NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`doc_date` text NOT NULL,
	`client_id` integer NOT NULL,
	`manager_id` integer NOT NULL,
	`basis_id` integer,
	`amount_kopecks` integer NOT NULL,
	`risk_kopecks` integer DEFAULT 0 NOT NULL,
	`issued_on` text NOT NULL,
	`sent_on` text,
	`sent_method` text,
	`tracking_number` text DEFAULT '' NOT NULL,
	`filed_where` text DEFAULT '' NOT NULL,
	`scan_due` text,
	`original_due` text,
	`due_date` text,
	`waiting_for` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_signing_state_board_idx` ON `document_signing_state` (`manager_id`,`client_id`) WHERE waiting_for IS NOT NULL;--> statement-breakpoint
CREATE INDEX `document_signing_state_due_idx` ON `document_signing_state` (`due_date`) WHERE waiting_for IS NOT NULL;--> statement-breakpoint
CREATE INDEX `document_signing_state_client_idx` ON `document_signing_state` (`client_id`);--> statement-breakpoint
CREATE INDEX `document_signing_state_basis_idx` ON `document_signing_state` (`basis_id`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`day` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'holiday' NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scans` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size_bytes` integer NOT NULL,
	`mime` text NOT NULL,
	`original_name` text NOT NULL,
	`stored_path` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signing_rules` (
	`kind` text PRIMARY KEY NOT NULL,
	`needs_client_signature` integer DEFAULT false NOT NULL,
	`needs_original` integer DEFAULT false NOT NULL,
	`confirms_fulfilment` integer DEFAULT false NOT NULL,
	`risk_from_acts` integer DEFAULT false NOT NULL,
	`scan_working_days` integer DEFAULT 5 NOT NULL,
	`original_days` integer DEFAULT 30 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
