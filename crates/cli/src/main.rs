//! `anyqtama`: the command line over the same core as the desktop app (PRODUCT.md, "Command-line
//! contract"). JSON goes to standard output; an error goes to standard error, in the user's language,
//! with a non-zero exit code, and nothing is printed on standard output.

mod bundle_cmd;
mod calendar_cmd;
mod case_cmd;
mod docs_cmd;
mod error;
mod store_cmd;

use anyqtama_i18n::Lang;
use anyqtama_rules::{evaluate, lists::Lists, Calendar, RuleSets};
use clap::{Parser, Subcommand};
use error::CliError;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "anyqtama",
    version,
    about = "Anyqtama: certificates of qualification compliance for self-employment (offline)"
)]
struct Cli {
    /// Language of messages and names: kk, ru or en (default: from ANYQTAMA_LANG or LANG, else en).
    /// Documents (print, register) also take kk+ru, the bilingual layout; their default is ru.
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate one assessment (JSON from FILE or standard input).
    Evaluate {
        /// The JSON file; `-` or nothing reads standard input.
        file: Option<String>,
    },
    /// Working-day calendar of Kazakhstan.
    Calendar {
        #[command(subcommand)]
        command: CalendarCommand,
    },
    /// The lists of professions.
    Lists {
        #[command(subcommand)]
        command: ListsCommand,
    },
    /// The versions of the Rules known to the program.
    Rulesets,
    /// Fill a new, empty store with realistic synthetic cases (deterministic for a seed and a day).
    Demo {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long, default_value_t = 300)]
        cases: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The last day of the simulated history (default: today).
        #[arg(long)]
        today: Option<String>,
        #[arg(long, default_value_t = 5)]
        years: u32,
    },
    /// Check the store: SQLite's integrity and the audit chain; names the first broken event.
    Verify {
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Copy the store safely while in use: to --out FILE, or a daily rotating copy in --auto DIR.
    Backup {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        auto: Option<PathBuf>,
        #[arg(long, default_value_t = 14)]
        keep: usize,
    },
    /// Replace the store with a checked backup (the replaced store is kept beside it).
    Restore {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        from: PathBuf,
        /// Replace the store with a backup of another office's (or a higher office's) store.
        #[arg(long)]
        other_office: bool,
    },
    /// List cases, newest first; --search finds people in any script, passports, IIN/BIN, numbers,
    /// a page at a time: {"total", "offset", "cases"} (50 unless --limit; --offset to page on).
    Cases {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// List certificates issued in a month (or all) with their status today.
    Certificates {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        today: Option<String>,
    },
    /// Set up a new office's store: office details (JSON file) and its first administrator.
    Setup {
        #[arg(long)]
        db: Option<PathBuf>,
        /// Office details as JSON: code, name_kk/ru/en, region_kk/ru/en, address.
        #[arg(long)]
        office: String,
        #[arg(long)]
        admin: String,
        #[arg(long)]
        name: String,
    },
    /// Users of the store.
    #[command(subcommand)]
    User(case_cmd::User),
    /// Members of the Commission.
    #[command(subcommand)]
    Member(case_cmd::Member),
    /// A case's life, signed in as a user of the store: register, send, assess, decide, show.
    #[command(subcommand)]
    Case(case_cmd::Case),
    /// The Commission's sittings.
    #[command(subcommand)]
    Sitting(case_cmd::Sitting),
    /// Acts on a certificate: revoke, a holder's notice, find.
    #[command(subcommand)]
    Certificate(case_cmd::Certificate),
    /// Complaints (Rules ch.3): register, resolve.
    #[command(subcommand)]
    Complaint(case_cmd::Complaint),
    /// The office's settings, hours and numbering, the agenda and the audit trail.
    #[command(subcommand)]
    Office(case_cmd::OfficeCmd),
    /// The law as data in this store: a rule set's date in force, the calendar's transfers.
    #[command(subcommand)]
    Law(case_cmd::LawCmd),
    /// Manual sync: the signed bundle an office carries to its higher office, and its import there.
    #[command(subcommand)]
    Bundle(bundle_cmd::Bundle),
    /// Print a document to a PDF file: application, certificate, refusal or protocol. ID is the
    /// certificate's number for a certificate and the case's id otherwise.
    ///
    /// Many at once: `print certificates [NUMBER...] [--decided-on DATE | --month YYYY-MM]
    /// [--from-file FILE] --out ONE.pdf | --out-dir DIR` (likewise `applications`, `refusals` with
    /// case ids): one process, every print recorded in one transaction.
    Print {
        kind: String,
        ids: Vec<String>,
        #[arg(long)]
        db: Option<PathBuf>,
        /// The PDF to write (one file for many documents).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Many documents: one file each in this folder.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Certificates decided on this day (with `certificates`).
        #[arg(long)]
        decided_on: Option<String>,
        /// Certificates decided in this month, YYYY-MM (with `certificates`).
        #[arg(long)]
        month: Option<String>,
        /// Ids or numbers, one a line.
        #[arg(long)]
        from_file: Option<PathBuf>,
        /// A preview with a visible DRAFT mark; not recorded as a print.
        #[arg(long)]
        draft: bool,
        /// Copies printed, 1 to 100 (recorded with the print).
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// Who prints (a real print is recorded under this user's name; the password from
        /// ANYQTAMA_PASSWORD or standard input). Not needed for a --draft.
        #[arg(long)]
        user: Option<String>,
    },
    /// Check a certificate's QR payload against the office keys of the store.
    VerifyQr {
        payload: String,
        #[arg(long)]
        db: Option<PathBuf>,
        /// The day the status is told for (default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// The month's register as pdf, xlsx or csv.
    Register {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        month: String,
        #[arg(long, default_value = "pdf")]
        format: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        today: Option<String>,
    },
    /// What is due today, what is late (in working days), and certificates ending soon.
    Due {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        today: Option<String>,
        /// Certificates ending within this many days.
        #[arg(long, default_value_t = 14)]
        within: u64,
    },
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// Print the N-th working day after DATE.
    AddWorkingDays {
        date: String,
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
    /// Print a year's exceptions to the Monday-Friday week as JSON.
    NonWorking {
        #[arg(allow_hyphen_values = true)]
        year: String,
    },
}

#[derive(Subcommand)]
enum ListsCommand {
    /// Find professions in both lists (any language; case and ё/е folded).
    Search {
        #[arg(num_args = 1.., required = true)]
        text: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_error(e),
    };
    // "kk+ru" is a document language; its messages are Kazakh.
    let doc_lang = cli.lang.clone().unwrap_or_else(|| "ru".into());
    let lang = choose_lang(cli.lang.as_deref().map(|l| l.trim_end_matches("+ru")));
    let messages_in = *lang.as_ref().unwrap_or(&Lang::En);
    let result = lang.and_then(|lang| run(cli.command, lang, &doc_lang));
    match result {
        Ok(out) => {
            // A closed standard output (`anyqtama cases | head -1`) ends the command quietly, with
            // a non-zero code, instead of a panic.
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{out}").and_then(|_| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(141),
            }
        }
        Err(e) => {
            eprintln!("anyqtama: {}", e.message(messages_in));
            ExitCode::from(e.exit_code())
        }
    }
}

/// A command line clap does not accept: help and version as clap prints them (the commands' own
/// names and options); a mistake in the user's language, with exit code 2.
fn command_line_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    // The `--lang` given, if it can be found on a line clap refused.
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    let lang = choose_lang(flag.as_deref().map(|l| l.trim_end_matches("+ru"))).unwrap_or(Lang::En);
    let err = error::command_line(&e);
    eprintln!("anyqtama: {}", err.message(lang));
    ExitCode::from(err.exit_code())
}

/// `--lang`, else ANYQTAMA_LANG, else the language of LANG when it is one of ours, else English.
fn choose_lang(flag: Option<&str>) -> Result<Lang, CliError> {
    if let Some(code) = flag {
        return Lang::parse(code).ok_or_else(|| CliError::UnknownLang(code.to_string()));
    }
    for var in ["ANYQTAMA_LANG", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if let Some(l) = Lang::parse(v.get(..2).unwrap_or("")) {
                return Ok(l);
            }
        }
    }
    Ok(Lang::En)
}

fn run(command: Command, lang: Lang, doc_lang: &str) -> Result<String, CliError> {
    match command {
        Command::Evaluate { file } => {
            let text = read_input(file.as_deref())?;
            let out = evaluate::evaluate_json(&RuleSets::embedded(), &Calendar::embedded(), &text)
                .map_err(error::evaluate_error)?;
            Ok(to_json(&out))
        }
        Command::Calendar { command } => match command {
            CalendarCommand::AddWorkingDays { date, n } => {
                calendar_cmd::add_working_days(&date, &n)
            }
            CalendarCommand::NonWorking { year } => calendar_cmd::non_working(&year, lang),
        },
        Command::Lists {
            command: ListsCommand::Search { text },
        } => {
            let text = text.join(" ");
            if text.trim().is_empty() {
                return Err(CliError::EmptySearch);
            }
            Ok(to_json(&Lists::embedded().search(&text, lang)))
        }
        Command::Rulesets => Ok(to_json(RuleSets::embedded().all())),
        Command::Demo {
            db,
            cases,
            seed,
            today,
            years,
        } => store_cmd::demo(
            &store_cmd::db_path(db),
            cases,
            seed,
            today.as_deref(),
            years,
        ),
        Command::Verify { db } => store_cmd::verify(&store_cmd::db_path(db)),
        Command::Backup {
            db,
            out,
            auto,
            keep,
        } => store_cmd::backup(
            &store_cmd::db_path(db),
            out.as_deref(),
            auto.as_deref(),
            keep,
        ),
        Command::Restore {
            db,
            from,
            other_office,
        } => store_cmd::restore(&store_cmd::db_path(db), &from, other_office),
        Command::Cases {
            db,
            search,
            limit,
            offset,
        } => store_cmd::cases(&store_cmd::db_path(db), search.as_deref(), limit, offset),
        Command::Certificates { db, month, today } => store_cmd::certificates(
            &store_cmd::db_path(db),
            month.as_deref(),
            today.as_deref(),
            lang,
        ),
        Command::Print {
            kind,
            ids,
            db,
            out,
            out_dir,
            decided_on,
            month,
            from_file,
            draft,
            copies,
            user,
        } => docs_cmd::print(
            &store_cmd::db_path(db),
            &docs_cmd::PrintRequest {
                kind: &kind,
                ids,
                out: out.as_deref(),
                out_dir: out_dir.as_deref(),
                decided_on: decided_on.as_deref(),
                month: month.as_deref(),
                from_file: from_file.as_deref(),
            },
            doc_lang,
            draft,
            copies,
            user.as_deref(),
        ),
        Command::VerifyQr { payload, db, today } => {
            docs_cmd::verify_qr(&store_cmd::db_path(db), &payload, today.as_deref())
        }
        Command::Register {
            db,
            month,
            format,
            out,
            today,
        } => docs_cmd::register(
            &store_cmd::db_path(db),
            &month,
            &format,
            doc_lang,
            &out,
            today.as_deref(),
        ),
        Command::Due { db, today, within } => {
            store_cmd::due(&store_cmd::db_path(db), today.as_deref(), within)
        }
        Command::Bundle(b) => bundle_cmd::run(b),
        Command::Setup {
            db,
            office,
            admin,
            name,
        } => case_cmd::setup(db, &office, &admin, &name, store_cmd::now(), lang),
        Command::User(c) => case_cmd::run_user(c, store_cmd::now()),
        Command::Member(c) => case_cmd::run_member(c, store_cmd::now()),
        Command::Case(c) => case_cmd::run_case(c, store_cmd::now()),
        Command::Sitting(c) => case_cmd::run_sitting(c, store_cmd::now()),
        Command::Certificate(c) => case_cmd::run_certificate(c, store_cmd::now()),
        Command::Complaint(c) => case_cmd::run_complaint(c, store_cmd::now()),
        Command::Office(c) => case_cmd::run_office(c, store_cmd::now(), lang),
        Command::Law(c) => case_cmd::run_law(c, store_cmd::now()),
    }
}

pub(crate) fn read_input(file: Option<&str>) -> Result<String, CliError> {
    let mut text = String::new();
    match file {
        None | Some("-") => std::io::stdin()
            .read_to_string(&mut text)
            .map(|_| text)
            .map_err(|e| CliError::ReadFile {
                path: "-".into(),
                detail: e.to_string(),
            }),
        Some(path) => std::fs::read_to_string(path).map_err(|e| CliError::ReadFile {
            path: path.into(),
            detail: e.to_string(),
        }),
    }
}

pub(crate) fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).expect("our output types serialise")
}
