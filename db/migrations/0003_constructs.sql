CREATE TABLE `construct_quotes` (
	`second_order_id` integer NOT NULL,
	`first_order_id` integer NOT NULL,
	PRIMARY KEY(`second_order_id`, `first_order_id`),
	FOREIGN KEY (`second_order_id`) REFERENCES `second_order_constructs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`first_order_id`) REFERENCES `first_order_constructs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `construct_quotes_first_idx` ON `construct_quotes` (`first_order_id`);--> statement-breakpoint
CREATE TABLE `first_order_constructs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`quote` text NOT NULL,
	`page` text DEFAULT '' NOT NULL,
	`participant` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `first_order_constructs_study_idx` ON `first_order_constructs` (`study_id`,`position`);--> statement-breakpoint
CREATE TABLE `second_order_constructs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`page` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `second_order_constructs_study_idx` ON `second_order_constructs` (`study_id`,`position`);