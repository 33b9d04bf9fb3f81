CREATE TABLE `client_passports` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`series_number` text DEFAULT '' NOT NULL,
	`issued_by` text DEFAULT '' NOT NULL,
	`issued_on` text,
	`division_code` text DEFAULT '' NOT NULL,
	`birth_date` text,
	`registration_address` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
