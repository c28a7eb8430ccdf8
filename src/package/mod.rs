//! The npm package of the element (`dist/npm/`, written by `cargo xtask
//! dist` beside the site): for web developers who install the charts as a
//! dependency and let their bundler ship them. Native only.
//!
//! - `surface`: the element's public surface in one table, which the
//!   element, the manifest, the declarations and the READMEs follow;
//! - `manifest`: `custom-elements.json`;
//! - `types`: `element.d.ts` and `indicator-chart.d.ts`;
//! - here: `package.json` and the registry's `README.md`.
//!
//! The xtask adds the scripts and the module, built from the same sources
//! as the site's: [`DEFINE_MODULE`] defines the element when imported,
//! [`CLASS_MODULE`] exports the class without defining it, and the module
//! is [`MODULE_FILE`], which the element finds with
//! `new URL('./indicator-charts.wasm', import.meta.url)`, the form Vite,
//! webpack 5 and Rollup emit and rewrite.

pub mod manifest;
pub mod surface;
pub mod types;

use std::path::Path;

use serde_json::json;

/// The package's name on the registry.
pub const NAME: &str = "indicator-charts";
/// The entry that defines the element (`import 'indicator-charts'`).
pub const DEFINE_MODULE: &str = "indicator-chart.js";
/// The entry that exports the class without defining it
/// (`indicator-charts/element`).
pub const CLASS_MODULE: &str = "element.js";
/// The WASM module, under a fixed name: bundlers hash what they emit.
pub const MODULE_FILE: &str = "indicator-charts.wasm";

const MANIFEST_FILE: &str = "custom-elements.json";
const README_TEMPLATE: &str = include_str!("../../www/package/README.md");

/// An error while writing the package, naming the file.
pub type PackageError = Box<dyn std::error::Error + Send + Sync>;

fn declarations(module: &str) -> String {
    module.replace(".js", ".d.ts")
}

/// `package.json`, its version the crate's.
pub fn package_json() -> serde_json::Result<String> {
    let class = CLASS_MODULE.trim_end_matches(".js");
    let package = json!({
        "name": NAME,
        "version": env!("CARGO_PKG_VERSION"),
        "description": "<indicator-chart>: a web component that draws the figures two analyses of US–Vietnam relations (2015–16) cite, with their sources, from a WebAssembly module. Types, a Custom Elements Manifest and events included.",
        "license": env!("CARGO_PKG_LICENSE"),
        "keywords": ["web-component", "custom-element", "chart", "webassembly", "vietnam"],
        "type": "module",
        "main": format!("./{DEFINE_MODULE}"),
        "types": format!("./{}", declarations(DEFINE_MODULE)),
        "exports": {
            ".": {
                "types": format!("./{}", declarations(DEFINE_MODULE)),
                "default": format!("./{DEFINE_MODULE}"),
            },
            format!("./{class}"): {
                "types": format!("./{}", declarations(CLASS_MODULE)),
                "default": format!("./{CLASS_MODULE}"),
            },
            format!("./{MODULE_FILE}"): format!("./{MODULE_FILE}"),
            format!("./{MANIFEST_FILE}"): format!("./{MANIFEST_FILE}"),
            "./package.json": "./package.json",
        },
        "files": files(),
        // Only the defining entry does something when imported for nothing.
        "sideEffects": [format!("./{DEFINE_MODULE}")],
        "customElements": MANIFEST_FILE,
    });
    Ok(serde_json::to_string_pretty(&package)? + "\n")
}

/// Every file the package ships besides `package.json` and `README.md`
/// (which npm always includes).
pub fn files() -> Vec<String> {
    vec![
        DEFINE_MODULE.to_string(),
        declarations(DEFINE_MODULE),
        CLASS_MODULE.to_string(),
        declarations(CLASS_MODULE),
        MODULE_FILE.to_string(),
        MANIFEST_FILE.to_string(),
    ]
}

/// The registry's README: `www/package/README.md` with the surface's tables.
pub fn readme() -> Result<String, PackageError> {
    let mut env = minijinja::Environment::new();
    // A name the template uses and the context lacks is an error, not "".
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("README.md", README_TEMPLATE)?;
    let tables: std::collections::BTreeMap<&str, String> =
        surface::markdown_tables().into_iter().collect();
    Ok(env.get_template("README.md")?.render(minijinja::context! {
        tables,
        name => NAME,
        version => env!("CARGO_PKG_VERSION"),
        license => env!("CARGO_PKG_LICENSE"),
    })?)
}

/// Writes everything of the package but its scripts and module into `out`
/// (which must exist).
pub fn write(out: &Path) -> Result<(), PackageError> {
    let files = [
        ("package.json", package_json()?),
        ("README.md", readme()?),
        (MANIFEST_FILE, manifest::manifest()?),
        (&declarations(CLASS_MODULE), types::element_declarations()),
        (&declarations(DEFINE_MODULE), types::define_declarations()),
    ];
    for (name, contents) in files {
        let path = out.join(name);
        std::fs::write(&path, contents).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_json_points_at_files_it_ships() {
        let package: serde_json::Value =
            serde_json::from_str(&package_json().expect("written")).expect("JSON");
        let shipped = files();
        let mut targets = vec![package["main"].clone(), package["types"].clone()];
        for entry in package["exports"].as_object().expect("exports").values() {
            match entry {
                serde_json::Value::Object(conditions) => {
                    targets.extend(conditions.values().cloned())
                }
                other => targets.push(other.clone()),
            }
        }
        for target in targets {
            let file = target.as_str().expect("a path").trim_start_matches("./");
            assert!(
                file == "package.json" || shipped.iter().any(|f| f == file),
                "{file} is not in files"
            );
        }
        assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(package["customElements"], MANIFEST_FILE);
    }

    /// The README's React example is a file of the React app the package
    /// tests build and type-check.
    #[test]
    fn the_readme_react_example_is_the_tested_one() {
        let example = include_str!("../../xtask/package/react-app/src/Favourability.tsx");
        let code: String = example
            .lines()
            .skip_while(|line| line.starts_with("//"))
            .map(|line| format!("{line}\n"))
            .collect();
        for (name, readme) in [
            ("README.md", include_str!("../../README.md")),
            ("www/package/README.md", README_TEMPLATE),
        ] {
            assert!(
                readme.contains(&format!("```tsx\n{code}```")),
                "{name}'s React example is not xtask/package/react-app/src/Favourability.tsx:\n{code}"
            );
        }
    }

    #[test]
    fn the_registry_readme_has_every_table() {
        let readme = readme().expect("renders");
        for (name, table) in surface::markdown_tables() {
            assert!(readme.contains(&table), "{name}");
        }
        assert!(!readme.contains("{{"), "a placeholder is left");
    }
}
