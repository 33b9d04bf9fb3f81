-- Record versions for concurrent edits: key persons and filled questionnaires (whose user_id is already who saved last).
ALTER TABLE `client_contacts` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `client_contacts` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `questionnaire_answers` ADD `version` integer DEFAULT 1 NOT NULL;
