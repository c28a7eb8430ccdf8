//! Build script: checks `data/indicators.toml` against the texts it quotes
//! (and the texts' numbers against it) and bakes it into Rust statics
//! (`$OUT_DIR/catalog.rs`, included by `src/model.rs`), so the module
//! parses no data at run time. A malformed file fails the build with one
//! line per problem:
//! `data/indicators.toml:42: indicator "trade-balance-2015": value "n/a" is not a number`,
//! `data/texts/liu-2016.txt:43: "fifteen" (…) is in no record and no [[exclusion]]; …`.

use std::path::PathBuf;

use indicator_data::check::{Location, load};

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    // The WASM module's stack: Rust's default is 1 MiB, all of it memory the
    // page holds for the module's lifetime. Layout recurses little; 128 KiB
    // leaves room to spare.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-cdylib=-zstack-size=131072");
    }
    println!("cargo::rerun-if-changed=data/indicators.toml");
    println!("cargo::rerun-if-changed=data/texts");

    let location = Location {
        path: root.join("data/indicators.toml"),
        display: "data/indicators.toml".to_string(),
    };
    let checked = match load(&location) {
        Ok(checked) => checked,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "\n{} problem(s) in data/indicators.toml or the texts it quotes; the viewer was not built (see README, \"Adding or correcting a figure\").",
                errors.len()
            );
            std::process::exit(1);
        }
    };
    use indicator_data::bake::to_rust;
    let baked = to_rust(&checked.catalog).and_then(|catalog| {
        Ok((
            catalog,
            to_rust(checked.exclusions)?,
            to_rust(&checked.sources)?,
        ))
    });
    let (catalog, exclusions, sources) = match baked {
        Ok(expressions) => expressions,
        Err(e) => {
            eprintln!("data/indicators.toml: {e}");
            std::process::exit(1);
        }
    };
    // Three statics: the module reads only CATALOG, so the linker leaves the
    // exclusions and the lists of references (for the pages and downloads)
    // out of the WASM.
    let source = format!(
        "// Baked by src/build.rs from data/indicators.toml. Do not edit.\n\
         pub static CATALOG: Catalog = {catalog};\n\
         /// The numbers of the texts left out on purpose, and why (downloads only).\n\
         pub static EXCLUSIONS: &[Exclusion] = {exclusions};\n\
         /// The texts' lists of references and their citations, resolved (pages and downloads only).\n\
         pub static SOURCES: Sources = {sources};\n"
    );
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    if let Err(e) = std::fs::write(&out, source) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
