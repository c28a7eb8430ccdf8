//! Build script: validates `data/indicators.toml` against the texts it quotes
//! and compiles it into Rust statics (`$OUT_DIR/indicators.rs`, included by
//! `src/model`). A malformed file fails the build with one line per problem:
//! `data/indicators.toml:42: indicator "trade-balance-2015": value "n/a" is not a number`.

#[path = "data_file/mod.rs"]
#[allow(dead_code, unused_imports)] // the library uses the rest of this module in its tests
mod data_file;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let location = data_file::Location {
        path: root.join("data/indicators.toml"),
        display: "data/indicators.toml".to_string(),
    };
    // The WASM module's stack: Rust's default is 1 MiB, all of it memory the
    // page holds for the module's lifetime. Layout recurses little; 128 KiB
    // leaves room to spare.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-cdylib=-zstack-size=131072");
    }
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/data_file");
    println!("cargo::rerun-if-changed=src/model/kinds.rs");
    println!("cargo::rerun-if-changed=src/suggest.rs");

    let catalog = match data_file::load(&location) {
        Ok(catalog) => catalog,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "\n{} problem(s) in data/indicators.toml; the viewer was not built (see README, \"Adding or correcting a figure\").",
                errors.len()
            );
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("indicators.rs");
    if let Err(e) = std::fs::write(&out, data_file::codegen::rust_source(&catalog)) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
