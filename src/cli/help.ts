export const HELP = `weft — systematic reviews and qualitative evidence synthesis

Usage: weft <command> [options]

Commands:
  serve [--port 3000] [--host H] [--no-demo]
      Serve the web app. An empty database gets the demo review unless --no-demo
      (then the first visitor creates the administrator account).
  user add --email E --name N --password P
      Create an account (the first account of an instance is its administrator).
  review create --slug S --title T [--owner E] [--reviewers 1|2] [--blind] [--template T]
      Create a review. --owner names an existing account (by email) to own it.
      --template: new_databases_registers | new_databases_registers_other (default)
                | updated_databases_registers | updated_databases_registers_other
  import --review S --source NAME [--kind K] [--format F] [--map M] [--force] FILE...
      Import reference files into a source of the search log (created if new; --kind database |
      register | website | organisation | citation | other). The format is detected from the content
      (RIS, MEDLINE, PubMed XML, BibTeX, EndNote XML and tagged, Ovid, CSL-JSON, Web of Science,
      CSV/TSV, XLSX/ODS); --format overrides it. Columns Weft does not know are named with
      --map "title=Article Title,authors=Author Full Names,year=…" (fields: title, abstract, authors,
      year, journal, volume, issue, pages, pageStart, pageEnd, articleNumber, doi, pmid, keywords,
      language, url, publicationType, citation). Each file is one transaction. A file already
      imported is refused unless --force.
  dedup --review S
      Find duplicates among records imported since the last run and against earlier imports: sure
      pairs are merged (duplicate_of), uncertain ones wait for a reviewer. --json: {candidates,
      merged_auto, pending}.
  screen import --review S FILE.csv
  screen import --review S --rayyan --reviewer-map "Alice=alice@x.org,Bob=bob@y.org"
      Load screening decisions made elsewhere, as votes: a CSV with the columns record (Weft id,
      DOI or PMID:…), stage (title_abstract | full_text), reviewer (email), verdict (include |
      exclude | maybe | not_retrieved), reason, note; or, with --rayyan, the RAYYAN-INCLUSION notes
      of records imported from a Rayyan export (title/abstract votes; each Rayyan name mapped to a
      member's email). One transaction: any row naming an unknown record, reviewer, stage or reason
      fails the whole file. --json: {rowsRead, votesStored, recordsDecided, recordsInConflict, …}.
  prisma --review S [--format json|csv|svg]
      The review's PRISMA 2020 counts, computed from what happened: json (the PRISMA2020 R package's
      field names, per-database counts, reasons as a list, what is still open), csv (the Shiny app's
      template, ready to upload) or svg (the flow diagram).
  export --review S --what records|identified|included|studies|decisions|search-log --format F [--style S]
      records (the records left after deduplication), included (reports included at full text) or
      studies (one reference per study): --format ris | bibtex | csljson | csv | text | html; text and
      html are a reference list, --style apa (default) | vancouver | harvard. identified: every record,
      duplicates included, with its id, source, batch, duplicate_of, DOI, PMID, title and year, as csv.
      decisions: every screening vote ever cast, as CSV. search-log: the PRISMA-S table, csv or html.
  rank simulate --dataset FILE [--seeds 10]
      Replay a labelled review (CSV, XLSX or ODS with columns title, abstract, label_included and
      optionally keywords) as ASReview does: one random include and one random exclude known, then
      always the top-ranked record next, retraining after each decision. Prints WSS@95, WSS@100,
      RRF@10, ATD and the recall curve, the mean over seeds 1..N. --json: per seed and mean.
  backup --out FILE
      Copy the database (safely while the server runs: SQLite's online backup) and its stored full
      texts into one archive (tar: weft-backup.json, weft.db, files/…), checked before it is written.
  restore --from FILE [--force]
      Check a backup (every file's SHA-256, SQLite's integrity check) and put it in place of the
      database and its full texts. Refuses to replace an existing database unless --force. Stop the
      server first.

Options for every command:
  --db PATH   SQLite database file (default ./data/weft.db, or the WEFT_DB variable)
  --json      Print the result as JSON on stdout
  --help      Show this help

Exit status: 0 on success, 1 on a user error (one line on stderr), nothing half-done.`
