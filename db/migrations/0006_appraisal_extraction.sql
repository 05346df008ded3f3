CREATE TABLE `appraisal_answers` (
	`appraisal_id` integer NOT NULL,
	`item` text NOT NULL,
	`answer` text,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`appraisal_id`, `item`),
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `appraisal_exclusions` (
	`study_id` integer PRIMARY KEY NOT NULL,
	`review_id` integer NOT NULL,
	`reason` text NOT NULL,
	`excluded_by` integer,
	`excluded_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`excluded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `appraisal_exclusions_review_idx` ON `appraisal_exclusions` (`review_id`);--> statement-breakpoint
CREATE TABLE `appraisal_settings` (
	`review_id` integer PRIMARY KEY NOT NULL,
	`tool` text NOT NULL,
	`judgement_levels` text NOT NULL,
	`dual_extraction` integer DEFAULT false NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `appraisals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`tool` text NOT NULL,
	`kind` text NOT NULL,
	`appraiser_id` integer,
	`overall_judgement` text,
	`overall_rationale` text DEFAULT '' NOT NULL,
	`finished_at` integer,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appraiser_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "appraisals_appraiser_present" CHECK(("appraisals"."kind" = 'consensus') = ("appraisals"."appraiser_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisals_independent_uq` ON `appraisals` (`study_id`,`tool`,`appraiser_id`) WHERE "appraisals"."kind" = 'independent';--> statement-breakpoint
CREATE UNIQUE INDEX `appraisals_consensus_uq` ON `appraisals` (`study_id`,`tool`) WHERE "appraisals"."kind" = 'consensus';--> statement-breakpoint
CREATE INDEX `appraisals_review_idx` ON `appraisals` (`review_id`,`tool`);--> statement-breakpoint
CREATE TABLE `extracted_values` (
	`field_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`review_id` integer NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`field_id`, `study_id`),
	FOREIGN KEY (`field_id`) REFERENCES `extraction_fields`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `extracted_values_study_idx` ON `extracted_values` (`study_id`);--> statement-breakpoint
CREATE TABLE `extraction_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`options` text NOT NULL,
	`hint` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`archived_at` integer,
	`archived_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`archived_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `extraction_fields_review_idx` ON `extraction_fields` (`review_id`,`position`);--> statement-breakpoint
CREATE TABLE `extractor_values` (
	`field_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`extractor_id` integer NOT NULL,
	`review_id` integer NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`field_id`, `study_id`, `extractor_id`),
	FOREIGN KEY (`field_id`) REFERENCES `extraction_fields`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`extractor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `extractor_values_study_idx` ON `extractor_values` (`study_id`);