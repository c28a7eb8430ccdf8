//! Brotli and gzip versions written beside each asset of `dist/`
//! (`x.js.br`, `x.js.gz`), so that a host serves them without compressing
//! on every request (tower-http's `ServeDir` does, as do nginx's
//! `brotli_static`/`gzip_static` and Caddy's `precompressed`). Both are
//! deterministic: the same bytes give the same files, so builds stay
//! reproducible.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// The kinds of file worth compressing: text and the module.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "svg", "json", "csv", "wasm", "txt", "xml",
];

/// gzip at level 9 (the header has no timestamp or name).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new().write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Brotli at its highest quality.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        encoder.write_all(bytes)?;
    }
    Ok(out)
}

/// Writes `.br` and `.gz` beside every compressible file under `dir`
/// where compressing saves bytes.
pub fn precompress(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        for (suffix, compressed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
            if compressed.len() < bytes.len() {
                let mut name = path.clone().into_os_string();
                name.push(".");
                name.push(suffix);
                std::fs::write(&name, compressed)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_is_deterministic_and_round_trips() {
        let text = b"Vietnam fell back into a trade deficit of US$3.54 billion. ".repeat(50);
        assert_eq!(gzip(&text).expect("gzip"), gzip(&text).expect("gzip"));
        assert_eq!(brotli(&text).expect("br"), brotli(&text).expect("br"));
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&text).expect("gzip")[..])
            .read_to_end(&mut back)
            .expect("inflates");
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(&text).expect("br")[..], 4096)
            .read_to_end(&mut back)
            .expect("decompresses");
        assert_eq!(back, text);
    }

    use std::io::Read;
}
