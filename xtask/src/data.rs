//! The data file's check, run by the xtask itself before anything is built
//! (the viewer's build script runs the same check, `indicator_data::check`,
//! but its errors would come wrapped in cargo's report of a failed build
//! script). Prints one line per problem, `file:line: field: message`.

use std::path::Path;

use anyhow::{Result, bail};
use indicator_data::check::{Location, load};

/// Checks the data file at `path` (and the texts it quotes, beside it);
/// `display` is its name in the messages.
pub fn check(path: &Path, display: &str) -> Result<()> {
    let location = Location {
        path: path.to_path_buf(),
        display: display.to_string(),
    };
    match load(&location) {
        Ok(_) => Ok(()),
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            bail!(
                "{} problem(s) in {display} or the texts it quotes; nothing was built (see README, \"Adding or correcting a figure\")",
                errors.len()
            )
        }
    }
}

/// Checks the repository's `data/indicators.toml`.
pub fn check_repository() -> Result<()> {
    check(
        &crate::root().join("data/indicators.toml"),
        "data/indicators.toml",
    )
}
