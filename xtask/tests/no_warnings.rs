//! `cargo xtask dist` prints no warning: a newcomer cannot tell whether a
//! warning asks them to act. (The test runner's dependencies, which carried
//! a future-incompatibility warning, are built only by `cargo xtask test`.)

use std::path::Path;
use std::process::Command;

#[test]
fn dist_prints_no_warning() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // A folder whose name does not contain the word looked for.
    let out = root.join("target/quiet-build/dist");
    let output = Command::new(env!("CARGO"))
        .current_dir(&root)
        .args(["xtask", "dist", "--out"])
        .arg(&out)
        .output()
        .expect("cargo runs");
    let printed = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "dist failed:\n{printed}");
    let warnings: Vec<&str> = printed
        .lines()
        .filter(|line| line.to_lowercase().contains("warning"))
        .collect();
    assert!(warnings.is_empty(), "dist warned:\n{}", warnings.join("\n"));
    assert!(
        printed.contains(&format!("{} built in", out.display())),
        "the summary should name the folder it built:\n{printed}"
    );
}
