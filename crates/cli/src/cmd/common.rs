//! What several subcommands share: input flags, building the engine, opening the store,
//! progress bars and warnings on stderr.

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use trecho::{Engine, EngineOptions, Format, Store};

/// Flags of the subcommands that read inputs (`extract`, `ingest`, `bench`).
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files or directories to read (directories recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read every input in this format instead of detecting it
    /// (jsonl, text, html, email, mbox, feed, transcript).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,

    /// Publication date of every document (YYYY-MM-DD), overriding metadata and datelines.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<NaiveDate>,

    /// An extra actor dictionary (same format as the shipped one); may be repeated.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,

    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,

    /// Largest input file read (bytes, or with a K, M or G suffix); larger files are skipped
    /// with a warning.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_input_size: usize,

    /// Largest text of one document (bytes, or with a K, M or G suffix); longer documents are
    /// skipped with a warning. Long documents are processed in parts, in bounded memory.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_document_size: usize,

    /// Documents longer than this are normalized and extracted in parts of about this size
    /// (bytes, or with a K, M or G suffix), cut at paragraph breaks, so that memory does not
    /// grow with the document.
    #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size)]
    pub part_size: usize,
}

impl InputArgs {
    /// Builds the engine these flags ask for.
    pub fn engine(&self) -> anyhow::Result<Engine> {
        let options = EngineOptions {
            user_actors: self.actors.clone(),
            published: self.published,
            jobs: self.jobs,
            max_input_bytes: self.max_input_size,
            max_document_bytes: self.max_document_size,
            part_bytes: self.part_size.max(1),
            syntax: false,
        };
        Engine::new(options).context("loading the --actors dictionaries")
    }
}

/// Parses a size flag: bytes, or a number with a `K`, `M` or `G` suffix (powers of 1024;
/// `KB`, `MiB`… are accepted too).
pub fn parse_size(text: &str) -> Result<usize, String> {
    let trimmed = text.trim();
    let digits_end = trimmed
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits_end);
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "invalid size {text:?} (expected bytes, or e.g. 500K, 64M, 1G)"
            ))
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|number| number.checked_mul(multiplier))
        .and_then(|bytes| usize::try_from(bytes).ok())
        .ok_or_else(|| format!("invalid size {text:?} (expected bytes, or e.g. 500K, 64M, 1G)"))
}

/// Parses `--input-format`.
pub fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        format!("unknown input format {text:?} (expected jsonl, text, html, email, mbox, feed or transcript)")
    })
}

/// Parses a `YYYY-MM-DD` flag.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {text:?} (expected YYYY-MM-DD, e.g. 2025-12-24)"))
}

/// `--db` of the commands that read or write a store, also accepted after the command's name
/// (`trecho events --db news.db`); it overrides the one given before it.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// The store (SQLite file). Default: trecho.db in the current directory, or TRECHO_DB.
    #[arg(long = "db", value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// Opens a store that must already exist (queries and exports), so a typo in `--db` is an
/// error instead of a new empty file.
pub fn open_existing_store(path: &Path) -> anyhow::Result<Store> {
    if !path.exists() {
        anyhow::bail!(trecho::no_store(path));
    }
    Ok(Store::open(path)?)
}

/// A progress bar on stderr, shown only when stderr is a terminal and `--quiet` is off.
pub fn progress_bar(length: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let template = if std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()) {
        "{elapsed_precise} [{bar:40}] {pos}/{len} files {msg}"
    } else {
        "{elapsed_precise} [{bar:40.cyan/blue}] {pos}/{len} files {msg}"
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(Some(length), ProgressDrawTarget::stderr());
    bar.set_style(style);
    bar
}

/// Prints a warning on stderr, above the progress bar if one is shown.
pub fn warn(bar: &ProgressBar, message: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("warning: {message}"));
}

/// Filters shared by `trecho events` and `trecho export`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Actor country code (ISO 3166-1 alpha-3, e.g. USA).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,

    /// Recipient country code (e.g. MEX).
    #[arg(long, value_name = "CODE")]
    pub recipient: Option<String>,

    /// PLOVER event type (THREATEN, SANCTION, COOPERATE…).
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_event_type)]
    pub event_type: Option<trecho::EventType>,

    /// said (words; also "rhetoric") or done (deeds; also "action").
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<trecho::Kind>,

    /// Issue (security, drugs, trade, migration, water, energy, justice, diplomacy,
    /// human_rights, other).
    #[arg(long, value_name = "ISSUE", value_parser = parse_issue)]
    pub issue: Option<trecho::Issue>,

    /// Events on or after this day (the event's date, else its publication date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<NaiveDate>,

    /// Events on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<NaiveDate>,

    /// Language of the sentence (en, es).
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<trecho::Lang>,

    /// Events of one document (its id).
    #[arg(long = "doc", value_name = "DOC_ID")]
    pub doc_id: Option<String>,

    /// Events whose sentence contains these words in this order, each matching the start of a
    /// word, ignoring case and accents ("arancel" finds "aranceles"; the API's `text=`).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// At most this many events.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,

    /// Skip this many events first.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u64,
}

impl FilterArgs {
    /// The store filter these flags describe.
    pub fn to_filter(&self) -> trecho::EventFilter {
        trecho::EventFilter {
            actor: self.actor.clone(),
            recipient: self.recipient.clone(),
            event_type: self.event_type,
            kind: self.kind,
            issue: self.issue,
            from: self.from,
            to: self.to,
            lang: self.lang,
            doc_id: self.doc_id.clone(),
            text: self.text.clone(),
            limit: self.limit,
            offset: self.offset,
        }
    }
}

fn parse_event_type(text: &str) -> Result<trecho::EventType, String> {
    trecho::EventType::parse(text).ok_or_else(|| {
        let names: Vec<&str> = trecho::model::ALL_EVENT_TYPES
            .iter()
            .map(|event_type| event_type.as_str())
            .collect();
        format!(
            "unknown event type {text:?} (expected one of {})",
            names.join(", ")
        )
    })
}

fn parse_kind(text: &str) -> Result<trecho::Kind, String> {
    match text.to_ascii_lowercase().as_str() {
        "said" | "rhetoric" | "words" => Ok(trecho::Kind::Said),
        "done" | "action" | "deeds" => Ok(trecho::Kind::Done),
        _ => Err(format!("unknown kind {text:?} (expected said or done)")),
    }
}

fn parse_issue(text: &str) -> Result<trecho::Issue, String> {
    trecho::Issue::parse(&text.to_ascii_lowercase()).ok_or_else(|| {
        let names: Vec<&str> = trecho::model::ALL_ISSUES
            .iter()
            .map(|issue| issue.as_str())
            .collect();
        format!(
            "unknown issue {text:?} (expected one of {})",
            names.join(", ")
        )
    })
}

fn parse_lang(text: &str) -> Result<trecho::Lang, String> {
    trecho::Lang::parse(text)
        .ok_or_else(|| format!("unknown language {text:?} (expected en or es)"))
}

/// The error for a run that found no input at all (an empty directory, one with no file of a
/// known extension): saying nothing and succeeding would look like a corpus without events.
pub fn no_inputs(paths: &[PathBuf]) -> anyhow::Error {
    let named = paths
        .iter()
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    anyhow::anyhow!(
        "no input files found in {named}: directories are searched for files ending in .{}; \
         give such files, or name a file directly (any extension, with --input-format if needed)",
        trecho::DIRECTORY_EXTENSIONS.join(", .")
    )
}
