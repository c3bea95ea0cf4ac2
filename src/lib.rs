//! caselink core: pure-Rust modules, with the pyo3 bindings behind the `python` feature.

// The generator and the linkage kernels allocate many small strings from several threads;
// mimalloc is markedly faster than glibc's allocator for that pattern.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
pub mod cases;
pub mod compare;
pub mod encode;
pub mod errors;
pub mod link;
pub mod outcomes;
pub mod standardise;
pub mod store;
pub mod synth;

#[cfg(feature = "python")]
mod bindings;
