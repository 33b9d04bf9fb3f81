ALTER TABLE `deals` ADD `probability_typed` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `deals` SET `probability_typed` = true WHERE `probability` <> CASE `stage` WHEN 'first_contact' THEN 5 WHEN 'meeting' THEN 10 WHEN 'needs' THEN 20 WHEN 'proposal' THEN 35 WHEN 'objections' THEN 50 WHEN 'closing' THEN 75 WHEN 'signing_payment' THEN 90 ELSE 100 END;
