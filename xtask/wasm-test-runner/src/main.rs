//! wasm-bindgen's test runner, at the version Cargo.lock pins; cargo runs
//! it for `cargo test --target wasm32-unknown-unknown` (the xtask's wasm
//! test stage sets it as the target's runner).

fn main() {
    let program = std::ffi::OsString::from("wasm-bindgen-test-runner");
    let args = std::iter::once(program).chain(std::env::args_os().skip(1));
    if let Err(error) = wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(args) {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}
