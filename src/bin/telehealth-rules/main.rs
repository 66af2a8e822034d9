//! The native command line: `telehealth-rules check [--jsonl]` and
//! `telehealth-rules serve [OPTIONS]` (`cli.rs` dispatches the subcommands).
//! Native only: nothing here is part of the wasm module.

#[cfg(not(target_arch = "wasm32"))]
mod audit;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The binary is native only; this keeps `cargo build --target wasm32` of the
// whole package compiling.
#[cfg(target_arch = "wasm32")]
fn main() {}
