-- Issued documents are frozen by the store itself, not only by the program: the only change an issued
-- document accepts is its annulment (status → 'annulled' with who, when and why, nothing else), and an
-- annulled one accepts none. Lines of a non-draft document cannot be added, changed or removed.
-- A later migration that adds a column to `documents` must recreate documents_frozen_update with it.
CREATE TRIGGER `documents_frozen_update` BEFORE UPDATE ON `documents`
WHEN OLD.`status` <> 'draft' AND NOT (
  OLD.`status` = 'issued' AND NEW.`status` = 'annulled'
    AND NEW.`annulled_at` IS NOT NULL AND NEW.`annulled_by` IS NOT NULL
    AND NEW.`annulled_reason` IS NOT NULL AND trim(NEW.`annulled_reason`) <> ''
    AND NEW.`id` IS OLD.`id`
    AND NEW.`kind` IS OLD.`kind`
    AND NEW.`org_id` IS OLD.`org_id`
    AND NEW.`client_id` IS OLD.`client_id`
    AND NEW.`deal_id` IS OLD.`deal_id`
    AND NEW.`manager_id` IS OLD.`manager_id`
    AND NEW.`number` IS OLD.`number`
    AND NEW.`number_seq` IS OLD.`number_seq`
    AND NEW.`series_key` IS OLD.`series_key`
    AND NEW.`series_year` IS OLD.`series_year`
    AND NEW.`doc_date` IS OLD.`doc_date`
    AND NEW.`vat_mode` IS OLD.`vat_mode`
    AND NEW.`vat_rate` IS OLD.`vat_rate`
    AND NEW.`net_kopecks` IS OLD.`net_kopecks`
    AND NEW.`vat_kopecks` IS OLD.`vat_kopecks`
    AND NEW.`gross_kopecks` IS OLD.`gross_kopecks`
    AND NEW.`basis_document_id` IS OLD.`basis_document_id`
    AND NEW.`bundle_id` IS OLD.`bundle_id`
    AND NEW.`template_version_id` IS OLD.`template_version_id`
    AND NEW.`terms` IS OLD.`terms`
    AND NEW.`snapshot` IS OLD.`snapshot`
    AND NEW.`pdf` IS OLD.`pdf`
    AND NEW.`pdf_sha256` IS OLD.`pdf_sha256`
    AND NEW.`issued_at` IS OLD.`issued_at`
    AND NEW.`issued_by` IS OLD.`issued_by`
    AND NEW.`corrects_document_id` IS OLD.`corrects_document_id`
    AND NEW.`correction_number` IS OLD.`correction_number`
    AND NEW.`correction_date` IS OLD.`correction_date`
    AND NEW.`created_by` IS OLD.`created_by`
    AND NEW.`created_at` IS OLD.`created_at`
    AND NEW.`updated_at` IS OLD.`updated_at`
)
BEGIN
  SELECT RAISE(ABORT, 'documents: an issued document is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_frozen_delete` BEFORE DELETE ON `documents`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'documents: an issued document cannot be deleted');
END;
--> statement-breakpoint
-- A document is issued complete: it must carry its number, snapshot, PDF and hash.
CREATE TRIGGER `documents_issue_complete` BEFORE UPDATE OF `status` ON `documents`
WHEN OLD.`status` = 'draft' AND NEW.`status` <> 'draft' AND (
  NEW.`status` <> 'issued' OR NEW.`number` = '' OR NEW.`snapshot` IS NULL OR NEW.`pdf` IS NULL
  OR NEW.`pdf_sha256` IS NULL OR NEW.`issued_at` IS NULL OR NEW.`template_version_id` IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'documents: a draft is issued only with its number, snapshot and PDF');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_insert_as_draft` BEFORE INSERT ON `documents`
WHEN NEW.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'documents: a document is created as a draft and then issued');
END;
--> statement-breakpoint
CREATE TRIGGER `document_lines_frozen_insert` BEFORE INSERT ON `document_lines`
WHEN (SELECT `status` FROM `documents` WHERE `id` = NEW.`document_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'document_lines: the document is issued');
END;
--> statement-breakpoint
CREATE TRIGGER `document_lines_frozen_update` BEFORE UPDATE ON `document_lines`
WHEN (SELECT `status` FROM `documents` WHERE `id` = OLD.`document_id`) <> 'draft'
  OR (SELECT `status` FROM `documents` WHERE `id` = NEW.`document_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'document_lines: the document is issued');
END;
--> statement-breakpoint
CREATE TRIGGER `document_lines_frozen_delete` BEFORE DELETE ON `document_lines`
WHEN (SELECT `status` FROM `documents` WHERE `id` = OLD.`document_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'document_lines: the document is issued');
END;
--> statement-breakpoint
-- Template versions are append-only: a document names the version that made it, for ever.
CREATE TRIGGER `template_versions_no_update` BEFORE UPDATE ON `template_versions`
BEGIN
  SELECT RAISE(ABORT, 'template_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `template_versions_no_delete` BEFORE DELETE ON `template_versions`
BEGIN
  SELECT RAISE(ABORT, 'template_versions is append-only');
END;
--> statement-breakpoint
-- Uploaded images are kept as uploaded (snapshots name them); only `active` may change.
CREATE TRIGGER `org_assets_no_update` BEFORE UPDATE ON `org_assets`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`org_id` IS NOT OLD.`org_id` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`png` IS NOT OLD.`png` OR NEW.`sha256` IS NOT OLD.`sha256`
  OR NEW.`uploaded_by` IS NOT OLD.`uploaded_by` OR NEW.`uploaded_at` IS NOT OLD.`uploaded_at`
BEGIN
  SELECT RAISE(ABORT, 'org_assets: an uploaded image is kept as uploaded');
END;
--> statement-breakpoint
CREATE TRIGGER `org_assets_no_delete` BEFORE DELETE ON `org_assets`
BEGIN
  SELECT RAISE(ABORT, 'org_assets: an uploaded image is kept as uploaded');
END;
--> statement-breakpoint
CREATE TRIGGER `bundles_frozen_update` BEFORE UPDATE ON `bundles`
WHEN OLD.`status` = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'bundles: an issued bundle is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `bundles_frozen_delete` BEFORE DELETE ON `bundles`
WHEN OLD.`status` = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'bundles: an issued bundle is frozen');
END;
--> statement-breakpoint
-- A decision on a discount is recorded once.
CREATE TRIGGER `discount_approvals_decided` BEFORE UPDATE ON `discount_approvals`
WHEN OLD.`status` <> 'pending'
BEGIN
  SELECT RAISE(ABORT, 'discount_approvals: the decision is recorded');
END;
--> statement-breakpoint
-- A series never goes back: numbers already used stay used (gapless and unique).
CREATE TRIGGER `number_series_forward` BEFORE UPDATE OF `last_number` ON `number_series`
WHEN NEW.`last_number` < OLD.`last_number`
BEGIN
  SELECT RAISE(ABORT, 'number_series: numbers never go back');
END;
