//! Long Rust work that Ctrl-C can interrupt.
//!
//! The work runs on a worker thread without the GIL; the calling thread waits for it in
//! slices of [`SLICE`], checking for signals between slices. On Ctrl-C the caller gets
//! its `KeyboardInterrupt` within about one slice; the worker is left to finish in the
//! background and its result is dropped (its inputs are owned, so nothing it touches
//! goes away under it). A panic in the worker becomes a `CaselinkError`, never a crash.
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::Duration;

use pyo3::prelude::*;

use super::errors::CaselinkError;

/// How long the calling thread waits between two checks for signals.
const SLICE: Duration = Duration::from_millis(100);

/// Runs `work` on a worker thread, returning its result, or the pending signal's error
/// (`KeyboardInterrupt` for Ctrl-C) as soon as one arrives.
pub fn interruptible<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    interruptible_with(py, work, |_| Ok(()), || ())
}

/// `interruptible`, calling `between` (with the GIL) after each slice of waiting and
/// once more when the work is done, to report its progress, and `on_interrupt` when a
/// signal (or `between`) ends the wait, to tell the work to stop.
pub fn interruptible_with<T, F>(
    py: Python<'_>,
    work: F,
    mut between: impl FnMut(Python<'_>) -> PyResult<()>,
    on_interrupt: impl FnOnce(),
) -> PyResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, mut receiver) = sync_channel(1);
    std::thread::Builder::new()
        .name("caselink-work".into())
        .spawn(move || {
            // The receiver is gone only if the caller was interrupted: nothing to do then.
            let _ = sender.send(work());
        })
        .map_err(|e| CaselinkError::new_err(format!("could not start a worker thread: {e}")))?;
    loop {
        // The receiver is Send but not Sync: move it into the GIL-free wait and back.
        let (waited, back) = py.detach(move || (receiver.recv_timeout(SLICE), receiver));
        receiver = back;
        match waited {
            Ok(result) => {
                between(py)?;
                return Ok(result);
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals().and_then(|()| between(py)) {
                    on_interrupt();
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(CaselinkError::new_err(
                    "internal error: the worker thread panicked (a caselink bug: please \
                     report it with the input that caused it)",
                ))
            }
        }
    }
}
