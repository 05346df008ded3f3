CREATE TABLE `argument_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `argument_levels_review_label_uq` ON `argument_levels` (`review_id`,`label`);--> statement-breakpoint
CREATE TABLE `argument_nodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`level_id` integer NOT NULL,
	`third_order_id` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`level_id`) REFERENCES `argument_levels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`third_order_id`) REFERENCES `third_order_constructs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `argument_nodes_construct_uq` ON `argument_nodes` (`review_id`,`third_order_id`);--> statement-breakpoint
CREATE INDEX `argument_nodes_level_idx` ON `argument_nodes` (`level_id`);--> statement-breakpoint
CREATE TABLE `argument_relations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`from_node_id` integer NOT NULL,
	`to_node_id` integer NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_node_id`) REFERENCES `argument_nodes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_node_id`) REFERENCES `argument_nodes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "argument_relations_not_self" CHECK("argument_relations"."from_node_id" <> "argument_relations"."to_node_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `argument_relations_pair_uq` ON `argument_relations` (`from_node_id`,`to_node_id`);--> statement-breakpoint
CREATE TABLE `cerqual_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`position` integer NOT NULL,
	`summary` text NOT NULL,
	`basis` text NOT NULL,
	`third_order_id` integer,
	`methodological_limitations_concern` text,
	`methodological_limitations_explanation` text DEFAULT '' NOT NULL,
	`coherence_concern` text,
	`coherence_explanation` text DEFAULT '' NOT NULL,
	`adequacy_concern` text,
	`adequacy_explanation` text DEFAULT '' NOT NULL,
	`relevance_concern` text,
	`relevance_explanation` text DEFAULT '' NOT NULL,
	`confidence` text,
	`confidence_explanation` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`third_order_id`) REFERENCES `third_order_constructs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "cerqual_findings_basis" CHECK(("cerqual_findings"."basis" = 'third_order') = ("cerqual_findings"."third_order_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `cerqual_findings_review_idx` ON `cerqual_findings` (`review_id`,`position`);--> statement-breakpoint
CREATE INDEX `cerqual_findings_third_order_idx` ON `cerqual_findings` (`third_order_id`);--> statement-breakpoint
CREATE TABLE `concept_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`concept_id` integer NOT NULL,
	`second_order_id` integer NOT NULL,
	`translation` text DEFAULT 'reciprocal' NOT NULL,
	`explanation` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`concept_id`) REFERENCES `synthesis_concepts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_order_id`) REFERENCES `second_order_constructs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "concept_mappings_refutation_explained" CHECK("concept_mappings"."translation" <> 'refutational' or length(trim("concept_mappings"."explanation")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concept_mappings_pair_uq` ON `concept_mappings` (`concept_id`,`second_order_id`);--> statement-breakpoint
CREATE INDEX `concept_mappings_construct_idx` ON `concept_mappings` (`second_order_id`);--> statement-breakpoint
CREATE INDEX `concept_mappings_review_idx` ON `concept_mappings` (`review_id`);--> statement-breakpoint
CREATE TABLE `lines_of_argument` (
	`review_id` integer PRIMARY KEY NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `reporting_responses` (
	`review_id` integer NOT NULL,
	`checklist` text NOT NULL,
	`item` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `checklist`, `item`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reporting_responses_item" CHECK(("reporting_responses"."checklist" = 'emerge' and "reporting_responses"."item" between 1 and 19) or ("reporting_responses"."checklist" = 'entreq' and "reporting_responses"."item" between 1 and 21))
);
--> statement-breakpoint
CREATE TABLE `synthesis_concepts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `synthesis_concepts_review_label_uq` ON `synthesis_concepts` (`review_id`,`label`);--> statement-breakpoint
CREATE INDEX `synthesis_concepts_review_idx` ON `synthesis_concepts` (`review_id`,`position`);--> statement-breakpoint
CREATE TABLE `third_order_concepts` (
	`third_order_id` integer NOT NULL,
	`concept_id` integer NOT NULL,
	PRIMARY KEY(`third_order_id`, `concept_id`),
	FOREIGN KEY (`third_order_id`) REFERENCES `third_order_constructs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`concept_id`) REFERENCES `synthesis_concepts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `third_order_concepts_concept_idx` ON `third_order_concepts` (`concept_id`);--> statement-breakpoint
CREATE TABLE `third_order_constructs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`label` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `third_order_constructs_review_label_uq` ON `third_order_constructs` (`review_id`,`label`);--> statement-breakpoint
CREATE TABLE `translation_order_positions` (
	`review_id` integer NOT NULL,
	`study_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`review_id`, `study_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `translation_orders` (
	`review_id` integer PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'chronological' NOT NULL,
	`index_study_id` integer,
	`rationale` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`index_study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "translation_orders_index_study" CHECK("translation_orders"."kind" <> 'index_study' or "translation_orders"."index_study_id" is not null)
);
