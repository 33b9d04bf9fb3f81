-- A closed month is frozen by the store itself, not only by the program: while a month has a live
-- close (closed_at set, reopened_at null), its payments and their allocations cannot be added, changed
-- or removed, and issued or annulled documents dated in it cannot change (drafts stay editable: they
-- are not yet accounting documents; issuing a draft dated in a closed month is refused). Reopening
-- (director, logged) ends the cycle and lifts the freeze. Messages start with «month_closed:» so the
-- program maps them to its Russian error.
CREATE TRIGGER `payments_closed_month_insert` BEFORE INSERT ON `payments`
WHEN EXISTS (SELECT 1 FROM `month_closes` c WHERE c.`month` = NEW.`month` AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_closed_month_update` BEFORE UPDATE ON `payments`
WHEN EXISTS (SELECT 1 FROM `month_closes` c WHERE c.`month` IN (OLD.`month`, NEW.`month`) AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_closed_month_delete` BEFORE DELETE ON `payments`
WHEN EXISTS (SELECT 1 FROM `month_closes` c WHERE c.`month` = OLD.`month` AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_closed_month_insert` BEFORE INSERT ON `payment_allocations`
WHEN EXISTS (
  SELECT 1 FROM `payments` p JOIN `month_closes` c ON c.`month` = p.`month`
  WHERE p.`id` = NEW.`payment_id` AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_closed_month_update` BEFORE UPDATE ON `payment_allocations`
WHEN EXISTS (
  SELECT 1 FROM `payments` p JOIN `month_closes` c ON c.`month` = p.`month`
  WHERE p.`id` IN (OLD.`payment_id`, NEW.`payment_id`) AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_closed_month_delete` BEFORE DELETE ON `payment_allocations`
WHEN EXISTS (
  SELECT 1 FROM `payments` p JOIN `month_closes` c ON c.`month` = p.`month`
  WHERE p.`id` = OLD.`payment_id` AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: payments of a closed month cannot change');
END;
--> statement-breakpoint
-- Separate from the documents area's documents_frozen_update (which freezes issued documents): this one
-- only adds the month rule, so neither area has to recreate the other's trigger.
CREATE TRIGGER `documents_closed_month_update` BEFORE UPDATE ON `documents`
WHEN (OLD.`status` <> 'draft' AND EXISTS (
    SELECT 1 FROM `month_closes` c WHERE c.`month` = substr(OLD.`doc_date`, 1, 7) AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL))
  OR (NEW.`status` <> 'draft' AND EXISTS (
    SELECT 1 FROM `month_closes` c WHERE c.`month` = substr(NEW.`doc_date`, 1, 7) AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL))
BEGIN
  SELECT RAISE(ABORT, 'month_closed: documents of a closed month cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_closed_month_delete` BEFORE DELETE ON `documents`
WHEN OLD.`status` <> 'draft' AND EXISTS (
  SELECT 1 FROM `month_closes` c WHERE c.`month` = substr(OLD.`doc_date`, 1, 7) AND c.`closed_at` IS NOT NULL AND c.`reopened_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'month_closed: documents of a closed month cannot change');
END;
--> statement-breakpoint
-- The close history is kept: rows are never deleted; a closed cycle accepts only its reopening
-- (who, when and why, nothing else); a reopened cycle accepts nothing.
CREATE TRIGGER `month_closes_no_delete` BEFORE DELETE ON `month_closes`
BEGIN
  SELECT RAISE(ABORT, 'month_closes: the close history is kept');
END;
--> statement-breakpoint
CREATE TRIGGER `month_closes_history_update` BEFORE UPDATE ON `month_closes`
WHEN OLD.`reopened_at` IS NOT NULL
  OR (OLD.`closed_at` IS NOT NULL AND NOT (
    NEW.`reopened_at` IS NOT NULL AND NEW.`reopened_by` IS NOT NULL
    AND NEW.`reopen_reason` IS NOT NULL AND trim(NEW.`reopen_reason`) <> ''
    AND NEW.`id` IS OLD.`id` AND NEW.`month` IS OLD.`month`
    AND NEW.`head_of_sales_confirmed_at` IS OLD.`head_of_sales_confirmed_at`
    AND NEW.`head_of_sales_confirmed_by` IS OLD.`head_of_sales_confirmed_by`
    AND NEW.`head_of_sales_fingerprint` IS OLD.`head_of_sales_fingerprint`
    AND NEW.`accountant_confirmed_at` IS OLD.`accountant_confirmed_at`
    AND NEW.`accountant_confirmed_by` IS OLD.`accountant_confirmed_by`
    AND NEW.`accountant_fingerprint` IS OLD.`accountant_fingerprint`
    AND NEW.`closed_at` IS OLD.`closed_at` AND NEW.`closed_totals` IS OLD.`closed_totals`
    AND NEW.`created_at` IS OLD.`created_at`))
BEGIN
  SELECT RAISE(ABORT, 'month_closes: a closed month is only reopened (by whom, when, why)');
END;
