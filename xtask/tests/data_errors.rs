//! A mistake in the data file is reported by the xtask itself, alone: one
//! line per problem with file, line and field, no cargo build report around
//! it, and a non-zero exit. And the xtask does not link the crate the data
//! is baked into, so `serve --no-build` still starts while the file is bad.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A copy of `data/` in a fresh temporary folder.
fn copy_of_data(name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("data-errors-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&root().join("data"), &to);
    to
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a temporary folder");
    for entry in std::fs::read_dir(from).expect("data/ is readable") {
        let entry = entry.expect("a folder entry");
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("a copy");
        }
    }
}

fn check_data(file: &Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["check-data", "--file"])
        .arg(file)
        .output()
        .expect("the xtask runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_repositorys_data_passes() {
    let (ok, _, stderr) = check_data(&root().join("data/indicators.toml"));
    assert!(ok, "the data file should pass its check:\n{stderr}");
}

#[test]
fn a_value_that_is_not_a_number_is_reported_alone() {
    let folder = copy_of_data("not-a-number");
    let file = folder.join("indicators.toml");
    let source = std::fs::read_to_string(&file).expect("the copy");
    // The first value of the file, made text.
    let at = source
        .find("value = 80,")
        .expect("the first record's value");
    let line = source[..at].lines().count();
    let broken = source.replacen("value = 80,", "value = \"n/a\",", 1);
    std::fs::write(&file, broken).expect("the broken copy");

    let (ok, _, stderr) = check_data(&file);
    assert!(!ok, "a bad data file must fail the check");
    let name = file.display().to_string();
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("{name}:{line}: indicator \"")),
        "the first line should name the file, line {line} and the record:\n{stderr}"
    );
    assert!(
        first.contains("\"n/a\""),
        "it should quote the bad value:\n{stderr}"
    );
    for noise in [
        "custom build command",
        "process didn't exit",
        "RUST_BACKTRACE",
        "Compiling",
    ] {
        assert!(
            !stderr.contains(noise),
            "no cargo report ({noise}):\n{stderr}"
        );
    }
    let _ = std::fs::remove_dir_all(&folder);
}

/// The xtask must compile while the data file is bad, so it cannot link the
/// crate that bakes the data in; nor the test runner's HTTP stack, which
/// `serve` and `dist` do not use (and which warns on every build).
#[test]
fn the_xtask_links_neither_the_viewer_nor_the_test_runner() {
    let output = Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["tree", "-p", "xtask", "-e", "normal", "--prefix", "none"])
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    for crate_name in [
        "indicator-charts ",
        "wasm-bindgen-cli ",
        "multipart ",
        "buf_redux ",
    ] {
        assert!(
            !tree.lines().any(|line| line.starts_with(crate_name)),
            "the xtask depends on {crate_name}:\n{tree}"
        );
    }
}
