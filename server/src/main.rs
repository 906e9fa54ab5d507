//! `passerelle`: the web server and its administration commands.

#![recursion_limit = "256"]

use anyhow::{anyhow, Context};
use app::domain::accounts::email::Email;
use app::domain::accounts::role::Role;
use clap::{Parser, Subcommand};
use server::{open_database, seed, serve, Settings};
use std::io::BufRead;

#[derive(Debug, Parser)]
#[command(
    name = "passerelle",
    version,
    about = "Passerelle: skills, training and microgrants for migrants in Morocco"
)]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        #[command(subcommand)]
        what: SeedWhat,
    },
    /// Check the money ledger's invariants against the database; exits non-zero and names
    /// each broken one (run after an incident, and by `scripts/crash-test.sh`).
    CheckLedger,
    /// Remove what has outlived its retention period (expired sessions, old sign-in attempts
    /// and idempotency receipts, unfinished sign-ups' addresses) and print how many of each;
    /// the server also does this once a day.
    Retention {
        /// Count what would be removed and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Create an account (staff or applicant).
    CreateUser {
        #[arg(long)]
        email: String,
        /// The name staff are shown by (applicants give theirs in their profile).
        #[arg(long)]
        name: Option<String>,
        /// applicant, caseworker, mentor, committee, admin or finance.
        #[arg(long)]
        role: Role,
        /// Read the password from the first line of standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum SeedWhat {
    /// Demo accounts, one per role (safe to run again: existing accounts are kept).
    Demo,
    /// A large synthetic data set (consenting applicants, trainings, calls) for staff pages and
    /// measurements. Deterministic; running it again adds nothing.
    Scale {
        #[arg(long, default_value_t = 50_000)]
        applicants: usize,
        #[arg(long, default_value_t = 1_500)]
        trainings: usize,
        #[arg(long, default_value_t = 500)]
        calls: usize,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let settings = &cli.settings;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.settings).await,
        Command::Migrate => {
            open_database(settings).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Seed {
            what: SeedWhat::Demo,
        } => seed_demo(settings).await,
        Command::Seed {
            what:
                SeedWhat::Scale {
                    applicants,
                    trainings,
                    calls,
                },
        } => {
            let scale = server::seed_scale::Scale {
                applicants,
                trainings,
                calls,
            };
            seed_scale(settings, scale).await
        }
        Command::CheckLedger => check_ledger(settings).await,
        Command::Retention { dry_run } => retention(settings, dry_run).await,
        Command::CreateUser {
            email,
            name,
            role,
            password_stdin,
        } => create_user(settings, &email, name.as_deref(), role, password_stdin).await,
    }
}

/// The demo accounts, catalogue and committee `make run` starts with.
async fn seed_demo(settings: &Settings) -> anyhow::Result<()> {
    let db = open_database(settings).await?;
    let created = seed::demo(&db).await?;
    let today = time::OffsetDateTime::now_utc().date();
    let offers = server::seed_catalogue::demo_catalogue(&db, today).await?;
    let seated = seed::demo_committee(&db).await?;
    println!(
        "demo data ready ({created} accounts, {offers} trainings and calls created, \
         {seated} committee seats)"
    );
    Ok(())
}

/// A programme's worth of people and offers, to try the pages at scale.
async fn seed_scale(settings: &Settings, scale: server::seed_scale::Scale) -> anyhow::Result<()> {
    let db = open_database(settings).await?;
    let started = std::time::Instant::now();
    let today = time::OffsetDateTime::now_utc().date();
    let added = server::seed_scale::scale(&db, scale, today).await?;
    println!(
        "scale data ready in {:.1} s ({} applicants, {} trainings, {} calls added)",
        started.elapsed().as_secs_f64(),
        added.applicants,
        added.trainings,
        added.calls
    );
    Ok(())
}

/// Checks the money invariants against the ledger; a failure exits non-zero.
async fn check_ledger(settings: &Settings) -> anyhow::Result<()> {
    let db = open_database(settings).await?;
    let mut tx = db.read().await?;
    let broken = app::db::money::money_check::broken(&mut tx)
        .await
        .map_err(|error| anyhow!("{error}"))?;
    tx.commit().await?;
    if broken.is_empty() {
        println!("ledger invariants hold");
        return Ok(());
    }
    for (invariant, ids) in &broken {
        println!("BROKEN: {invariant}: ids {ids:?}");
    }
    Err(anyhow!("{} ledger invariant(s) broken", broken.len()))
}

/// Applies the retention periods now, or only counts with `--dry-run`.
async fn retention(settings: &Settings, dry_run: bool) -> anyhow::Result<()> {
    let db = open_database(settings).await?;
    let periods = settings.retention.periods();
    let report = app::db::privacy::retention::apply(&db, periods, dry_run)
        .await
        .map_err(|error| anyhow!("{error}"))?;
    let verb = if dry_run { "would remove" } else { "removed" };
    for swept in &report.swept {
        let before = swept
            .before
            .format(&time::format_description::well_known::Rfc3339)?;
        println!(
            "{verb} {:>7} {:<22} (older than {before})",
            swept.count,
            swept.what.as_str()
        );
    }
    if dry_run {
        println!("dry run: nothing was changed");
    }
    Ok(())
}

/// A staff account from the command line, with a password read from standard input or
/// generated and shown once.
async fn create_user(
    settings: &Settings,
    email: &str,
    name: Option<&str>,
    role: Role,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|problem| anyhow!("{problem}"))?;
    let (password, generated) = if password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("failed to read the password from standard input")?;
        (line.trim_end_matches(['\r', '\n']).to_owned(), false)
    } else {
        (seed::random_password(), true)
    };
    let db = open_database(settings).await?;
    let id = seed::create(&db, &email, role, &password, name).await?;
    println!("created {role} account {id} for {email}");
    if generated {
        println!("initial password (shown once): {password}");
    }
    Ok(())
}
