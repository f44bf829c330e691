//! Timing shared by the ledger examples.

use std::time::Instant;

/// Runs `work` and says how long it took: "1.234s (cpu 1.100s)", the wall-clock time and the
/// CPU time of this thread, so that timings on a busy machine can be read next to each other.
/// Where CPU time cannot be read (it comes from Linux's `/proc/thread-self/schedstat`), the
/// wall-clock time alone.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, String) {
    let (started, cpu_before) = (Instant::now(), cpu_seconds());
    let result = work();
    let wall = started.elapsed().as_secs_f64();
    let text = match cpu_seconds().zip(cpu_before) {
        Some((after, before)) => format!("{wall:.3}s (cpu {:.3}s)", after - before),
        None => format!("{wall:.3}s"),
    };
    (result, text)
}

/// CPU time this thread has run, in seconds.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}
