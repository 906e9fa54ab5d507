//! The server's allocator, and giving freed memory back to the system after a burst of work.
//!
//! mimalloc rather than glibc's malloc: a page is thousands of small allocations, made and
//! freed by whichever worker thread runs the request, and glibc's arenas and locks cost a sixth
//! of the CPU time of a page under load (`perf`; `scripts/bench-http.sh` has the figures).
//!
//! mimalloc gives freed memory back to the system a while after it was freed, when it next
//! runs; a server that goes quiet after a burst would keep it. Some work frees a lot at once:
//! the matching index's first read (50,000 profiles passed from SQLite's worker threads) and
//! every password hash (argon2 fills 19 MiB). On a small server shared with other services,
//! that is memory they cannot have, so such work gives it back at once.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Returns the free memory the allocator holds to the system. Costs up to a few milliseconds;
/// call it after a large transient allocation or off the request path, not per request.
pub fn give_back() {
    // SAFETY: `mi_collect` only releases memory mimalloc holds unused; mimalloc allows it from
    // any thread at any time.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
}
