CREATE TABLE `duplicate_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`record_a` integer NOT NULL,
	`record_b` integer NOT NULL,
	`score` real NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_a`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_b`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_candidates_pair_uq` ON `duplicate_candidates` (`record_a`,`record_b`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_review_status_idx` ON `duplicate_candidates` (`review_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`records_read` integer NOT NULL,
	`records_flagged` integer NOT NULL,
	`issues` text NOT NULL,
	`deduplicated` integer DEFAULT false NOT NULL,
	`imported_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_review_sha_idx` ON `import_batches` (`review_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`line` integer NOT NULL,
	`title` text,
	`abstract` text,
	`authors` text NOT NULL,
	`year` integer,
	`journal` text,
	`volume` text,
	`issue` text,
	`pages` text,
	`doi` text,
	`pmid` text,
	`keywords` text NOT NULL,
	`language` text,
	`url` text,
	`publication_type` text,
	`original_text` text NOT NULL,
	`csl` text,
	`flag` text,
	`duplicate_of` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`duplicate_of`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "records_not_own_duplicate" CHECK("records"."duplicate_of" is null or "records"."duplicate_of" <> "records"."id")
);
--> statement-breakpoint
CREATE INDEX `records_review_idx` ON `records` (`review_id`,`id`);--> statement-breakpoint
CREATE INDEX `records_batch_idx` ON `records` (`batch_id`);--> statement-breakpoint
CREATE INDEX `records_duplicate_of_idx` ON `records` (`duplicate_of`);