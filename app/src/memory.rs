//! Giving freed memory back to the system after a burst of work.
//!
//! glibc's allocator keeps what a thread frees for that thread's later allocations, and returns
//! it to the system only from the top of its main heap. After the matching index's first read
//! (50,000 profiles passed from SQLite's worker threads) or a burst of requests, the server
//! held some 30 MB it no longer used (`scripts/bench-http.sh`: 78 MB at rest, 49 MB after
//! trimming). On a small server shared with other services, that is memory they cannot have.

/// Returns the free memory the allocator holds to the system. Costs a few milliseconds; call
/// it after a large transient allocation, not per request. Does nothing where the allocator is
/// not glibc's.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases pages the allocator holds free; glibc allows it from
    // any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
