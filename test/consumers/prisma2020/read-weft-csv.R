# Usage: Rscript read-weft-csv.R FILE.csv — runs PRISMA2020's PRISMA_data() on the file and prints, one
# "name<TAB>value" per line, the values PRISMA_flowdiagram() would draw.
args <- commandArgs(trailingOnly = TRUE)
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
for (file in c("PRISMA_default_or_csv.R", "PRISMA_format.R", "PRISMA_data.R")) source(file.path(here, file))
options(warn = 2)
data <- PRISMA_data(read.csv(args[1]))
for (name in names(data)) {
  value <- data[[name]]
  if (is.data.frame(value) && all(c("reason", "n") %in% names(value))) {
    value <- paste(paste0(value$reason, " (n = ", value$n, ")"), collapse = " | ")
  }
  if (is.atomic(value) && length(value) == 1) cat(name, "\t", gsub("\n", " ", value), "\n", sep = "")
}
