//! Charts of the figures cited by two analyses of US–Vietnam relations
//! (2015–16), compiled into a WebAssembly module that draws on a `<canvas>`.
//!
//! - `model`: the figures, compiled in from `data/indicators.toml`.
//! - `charts`: layout and painting, generic over plotters' `DrawingBackend`.
//! - `describe`: each chart in words (alt text, data table, tooltips).
//! - `format`, `theme`: numbers by language, colours by theme.
//! - `surface`: SVG and bitmap renders (native); `web`: the canvas (WASM).

pub mod charts;
pub mod describe;
pub mod format;
pub mod model;
pub mod settings;
mod suggest;
pub mod surface;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;

// The data-file checker runs in the build script; compiled here too so its
// tests run. It includes `model/kinds.rs` and `suggest.rs` by path, on
// purpose: the build script cannot use this crate.
#[cfg(test)]
#[allow(dead_code, unused_imports, clippy::duplicate_mod)]
mod data_file;

/// Property tests run with a fixed seed, so that a failure in CI is the same
/// failure on a developer's machine; `PROPTEST_RNG_SEED=<n>` explores others.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, RngSeed};
    let mut config = Config::with_cases(cases);
    if config.rng_seed == RngSeed::Random {
        config.rng_seed = RngSeed::Fixed(0x5eed_2016);
    }
    config
}
