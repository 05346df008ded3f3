CREATE TABLE `dedup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`candidates` integer NOT NULL,
	`merged_auto` integer NOT NULL,
	`pending_after` integer NOT NULL,
	`actor_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `dedup_runs_review_idx` ON `dedup_runs` (`review_id`);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `dedup_run_id` integer REFERENCES dedup_runs(id);