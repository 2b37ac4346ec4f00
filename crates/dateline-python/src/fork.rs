//! Fork safety and the thread pools of `analyze_many`.
//!
//! After `fork()` only the forking thread exists in the child: a rayon pool created in the
//! parent has no workers there and would wait forever. Three measures keep that from
//! happening (the same problem tokenizers solves with a `pthread_atfork` hook):
//!
//! 1. Pools are cached per process id: a child never uses a pool made by its parent.
//! 2. The cache is only ever `try_lock`ed, so a lock held by a thread that no longer exists
//!    in the child cannot block it (a fresh, uncached pool is built instead).
//! 3. `os.register_at_fork(before=...)` waits (bounded) until no dateline call is running,
//!    so static tables are never copied half-initialized into a child.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::error::Error;

/// Number of dateline calls currently running without the GIL.
static BUSY: AtomicUsize = AtomicUsize::new(0);

/// Marks a dateline call as running for as long as it lives.
pub(crate) struct Busy(());

impl Busy {
    /// Enters a call.
    pub(crate) fn enter() -> Busy {
        BUSY.fetch_add(1, Ordering::SeqCst);
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        BUSY.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Cached pools by thread count, valid in the process whose id is stored with them.
type PoolCache = (u32, HashMap<usize, Arc<rayon::ThreadPool>>);

static POOLS: Mutex<Option<PoolCache>> = Mutex::new(None);

/// A rayon pool with `threads` workers that is safe to use in this process.
///
/// # Errors
/// [`Error::Internal`] if the operating system refuses to start threads.
pub(crate) fn pool(threads: usize) -> Result<Arc<rayon::ThreadPool>, Error> {
    let pid = std::process::id();
    if let Ok(mut guard) = POOLS.try_lock() {
        let cache = guard.get_or_insert_with(|| (pid, HashMap::new()));
        if cache.0 != pid {
            // Made by our parent before a fork: its worker threads do not exist here.
            // Leak it rather than drop it (dropping would signal threads that are gone).
            let stale = std::mem::replace(cache, (pid, HashMap::new()));
            std::mem::forget(stale);
        }
        if let Some(pool) = cache.1.get(&threads) {
            return Ok(Arc::clone(pool));
        }
        let pool = Arc::new(build(threads)?);
        cache.1.insert(threads, Arc::clone(&pool));
        return Ok(pool);
    }
    // Contended (or poisoned): never block, build a private pool.
    Ok(Arc::new(build(threads)?))
}

fn build(threads: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {threads} threads: {e}")))
}

/// The default worker count: the machine's available parallelism.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `os.register_at_fork(before=...)` hook: waits up to 30 s for running calls to finish.
#[pyfunction]
pub(crate) fn _before_fork(py: Python<'_>) {
    py.detach(|| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while BUSY.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// Registers the fork hook with `os.register_at_fork` (a no-op where `fork` does not exist).
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let hook = wrap_pyfunction!(_before_fork, m)?;
    m.add_function(hook.clone())?;
    let os = py.import("os")?;
    if os.hasattr("register_at_fork")? {
        let kwargs = PyDict::new(py);
        kwargs.set_item("before", hook)?;
        os.call_method("register_at_fork", (), Some(&kwargs))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_cached_per_size() {
        let a = pool(2).map_err(|e| e.to_string());
        let b = pool(2).map_err(|e| e.to_string());
        let (Ok(a), Ok(b)) = (a, b) else {
            panic!("pool creation failed")
        };
        assert_eq!(a.current_num_threads(), 2);
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn busy_counts_calls() {
        let before = BUSY.load(Ordering::SeqCst);
        {
            let _b = Busy::enter();
            assert!(BUSY.load(Ordering::SeqCst) > before);
        }
        assert!(default_threads() >= 1);
    }
}
