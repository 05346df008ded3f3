CREATE TABLE `pilot_records` (
	`review_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	PRIMARY KEY(`review_id`, `record_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`review_id` integer NOT NULL,
	`retrieval` text DEFAULT 'awaiting' NOT NULL,
	`retrieval_note` text DEFAULT '' NOT NULL,
	`file_sha256` text,
	`file_name` text,
	`file_size` integer,
	`study_id` integer,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reports_review_retrieval_idx` ON `reports` (`review_id`,`retrieval`);--> statement-breakpoint
CREATE INDEX `reports_study_idx` ON `reports` (`study_id`);--> statement-breakpoint
CREATE TABLE `screening_assignments` (
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`reviewer_id` integer NOT NULL,
	`review_id` integer NOT NULL,
	`assigned_by` integer,
	`at` integer NOT NULL,
	PRIMARY KEY(`record_id`, `stage`, `reviewer_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `screening_assignments_reviewer_idx` ON `screening_assignments` (`review_id`,`stage`,`reviewer_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `screening_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`reviewer_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`reason_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`via` text DEFAULT 'web' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `exclusion_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_decisions_record_idx` ON `screening_decisions` (`record_id`,`stage`,`reviewer_id`,`id`);--> statement-breakpoint
CREATE INDEX `screening_decisions_review_reviewer_idx` ON `screening_decisions` (`review_id`,`reviewer_id`,`id`);--> statement-breakpoint
CREATE TABLE `screening_resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`kind` text NOT NULL,
	`verdict` text,
	`reason_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`resolved_by` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_id`) REFERENCES `exclusion_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `screening_resolutions_record_idx` ON `screening_resolutions` (`record_id`,`stage`,`id`);--> statement-breakpoint
CREATE TABLE `screening_status` (
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`review_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`votes` integer NOT NULL,
	`reason_id` integer,
	`resolved` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`record_id`, `stage`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_id`) REFERENCES `exclusion_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_status_review_outcome_idx` ON `screening_status` (`review_id`,`stage`,`outcome`,`record_id`);--> statement-breakpoint
CREATE TABLE `screening_votes` (
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`reviewer_id` integer NOT NULL,
	`review_id` integer NOT NULL,
	`decision_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`reason_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`record_id`, `stage`, `reviewer_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_id`) REFERENCES `screening_decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `exclusion_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_votes_reviewer_idx` ON `screening_votes` (`review_id`,`stage`,`reviewer_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `studies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `studies_review_idx` ON `studies` (`review_id`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `maybe_is_conflict` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `screening_allocation` text DEFAULT 'open_pool' NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `third_reviewer_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `reviews` ADD `include_terms` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `exclude_terms` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `pilot_active` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `previous_studies` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `previous_reports` integer DEFAULT 0 NOT NULL;