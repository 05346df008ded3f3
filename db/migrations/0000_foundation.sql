CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer,
	`actor_id` integer,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_events_review_idx` ON `audit_events` (`review_id`,`id`);--> statement-breakpoint
CREATE TABLE `exclusion_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exclusion_reasons_review_label_uq` ON `exclusion_reasons` (`review_id`,`label`);--> statement-breakpoint
CREATE INDEX `exclusion_reasons_review_position_idx` ON `exclusion_reasons` (`review_id`,`position`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`review_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`registration_id` text DEFAULT '' NOT NULL,
	`spider_sample` text DEFAULT '' NOT NULL,
	`spider_phenomenon` text DEFAULT '' NOT NULL,
	`spider_design` text DEFAULT '' NOT NULL,
	`spider_evaluation` text DEFAULT '' NOT NULL,
	`spider_research_type` text DEFAULT '' NOT NULL,
	`pico_population` text DEFAULT '' NOT NULL,
	`pico_interest` text DEFAULT '' NOT NULL,
	`pico_context` text DEFAULT '' NOT NULL,
	`inclusion_criteria` text DEFAULT '' NOT NULL,
	`exclusion_criteria` text DEFAULT '' NOT NULL,
	`prisma_template` text DEFAULT 'new_databases_registers_other' NOT NULL,
	`reviewers_per_record` integer DEFAULT 2 NOT NULL,
	`blind_screening` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "reviews_reviewers_per_record" CHECK("reviews"."reviewers_per_record" in (1, 2)),
	CONSTRAINT "reviews_slug_format" CHECK("reviews"."slug" glob '[a-z0-9]*' and "reviews"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_slug_unique` ON `reviews` (`slug`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`form_key` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`name` text NOT NULL,
	`platform` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`date_run` text DEFAULT '' NOT NULL,
	`coverage` text DEFAULT '' NOT NULL,
	`strategy` text DEFAULT '' NOT NULL,
	`limits` text DEFAULT '' NOT NULL,
	`filters` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_review_name_uq` ON `sources` (`review_id`,`name`);--> statement-breakpoint
CREATE TABLE `used_form_tokens` (
	`nonce` text PRIMARY KEY NOT NULL,
	`used_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);