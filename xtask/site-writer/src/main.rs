//! The viewer's crate's side of `cargo xtask dist`: everything written
//! from the sources and the baked data. Run by the xtask, one command each:
//!
//! - `generated <folder>`: `theme.js` and `surface.js` (the element's
//!   colours and public surface), `page-theme.css`, and `names.json` (the
//!   npm package's file names and the charts' ids);
//! - `site <inputs.json>`: the pages, pictures and downloads (`site::write`);
//! - `package <folder>`: the npm package's own files; prints the files the
//!   package lists, one a line.

use std::path::{Path, PathBuf};

use indicator_charts::package::{self, CLASS_MODULE, DEFINE_MODULE, MODULE_FILE};
use indicator_charts::site;
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [command, path] if command == "generated" => generated(Path::new(path)),
        [command, path] if command == "site" => write_site(Path::new(path)),
        [command, path] if command == "package" => write_package(Path::new(path)),
        _ => Err(format!(
            "expected `generated <folder>`, `site <inputs.json>` or `package <folder>`, got {args:?}"
        )),
    };
    if let Err(error) = result {
        eprintln!("site-writer: {error}");
        std::process::exit(1);
    }
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn generated(folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    write(
        &folder.join("theme.js"),
        site::element_theme_module().map_err(|e| e.to_string())?,
    )?;
    write(
        &folder.join("surface.js"),
        package::surface::element_module(),
    )?;
    write(&folder.join("page-theme.css"), site::page_theme_css())?;
    let ids: Vec<&str> = indicator_charts::model::all_charts()
        .map(|c| c.id())
        .collect();
    let names = serde_json::json!({
        "class_module": CLASS_MODULE,
        "define_module": DEFINE_MODULE,
        "module_file": MODULE_FILE,
        "chart_ids": ids,
    });
    write(&folder.join("names.json"), names.to_string())
}

/// `site::write` with the inputs the xtask gathered, as JSON: `out`,
/// `base_url` (or null), `script_integrity`, `module_file`, `module`,
/// `offline_script` and `page_css` (paths), `data_year` (or null).
fn write_site(inputs: &Path) -> Result<(), String> {
    let json: Value =
        serde_json::from_slice(&read(inputs)?).map_err(|e| format!("{}: {e}", inputs.display()))?;
    let text = |key: &str| -> Result<&str, String> {
        json[key]
            .as_str()
            .ok_or_else(|| format!("{}: \"{key}\" must be a string", inputs.display()))
    };
    let module = read(Path::new(text("module")?))?;
    let offline_script = String::from_utf8(read(Path::new(text("offline_script")?))?)
        .map_err(|e| format!("offline script: {e}"))?;
    let page_css = String::from_utf8(read(Path::new(text("page_css")?))?)
        .map_err(|e| format!("page stylesheet: {e}"))?;
    let data_year = json["data_year"]
        .as_u64()
        .and_then(|year| u16::try_from(year).ok());
    site::write(
        &PathBuf::from(text("out")?),
        &site::Inputs {
            base_url: json["base_url"].as_str(),
            script_integrity: text("script_integrity")?,
            module_file: text("module_file")?,
            module: &module,
            offline_script: &offline_script,
            page_css: &page_css,
            data_year,
        },
    )
    .map_err(|e| e.to_string())
}

fn write_package(folder: &Path) -> Result<(), String> {
    package::write(folder).map_err(|e| e.to_string())?;
    for file in package::files() {
        println!("{file}");
    }
    Ok(())
}
