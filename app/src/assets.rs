//! The browser bundle's file names. `cargo leptos build` (with `hash-files`) puts each file's
//! content hash in its name (`pkg/passerelle.<hash>.css`) and lists the hashes in `hash.txt`
//! beside the server's executable. A name that carries its content's hash never changes meaning,
//! so browsers may keep the file for a year without asking again; a new release has new names.

use leptos::config::LeptosOptions;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The file `cargo leptos build` writes the hashes to, beside the executable it builds.
pub const HASH_FILE: &str = "hash.txt";

/// Length of the hashes cargo-leptos puts in names: an MD5 digest in unpadded base64url.
const HASH_LEN: usize = 22;

/// The bundle's files as pages link them: `/pkg/passerelle.<hash>.css` and the script and
/// WebAssembly of the islands (or `/pkg/passerelle.css`… for a bundle built without hashes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub css: String,
    pub js: String,
    pub wasm: String,
}

impl Bundle {
    /// The names for `options`, with the hashes `hashes` (the hash file's text) gives.
    fn named(options: &LeptosOptions, hashes: Option<&str>) -> Self {
        let href = |kind: &str| {
            let hash = hashes
                .and_then(|text| hash_of(text, kind))
                .map(|hash| format!(".{hash}"))
                .unwrap_or_default();
            format!(
                "/{}/{}{hash}.{kind}",
                options.site_pkg_dir, options.output_name
            )
        };
        Self {
            css: href("css"),
            js: href("js"),
            wasm: href("wasm"),
        }
    }
}

/// The bundle every page of this process links to (set by [`with_hashes`]).
pub fn bundle() -> &'static Bundle {
    BUNDLE.get_or_init(|| {
        Bundle::named(
            &LeptosOptions::builder().output_name("passerelle").build(),
            None,
        )
    })
}

static BUNDLE: OnceLock<Bundle> = OnceLock::new();

/// Tells Leptos where the hashes are (`hash_file`, absolute, so it does not depend on where the
/// running executable is: the tests' binaries serve the bundle `make test` built) and records
/// the bundle's names for the pages. Without the file, the names stay unhashed; the warning
/// says why the pages would have no style.
pub fn with_hashes(options: LeptosOptions, hash_file: &Path) -> LeptosOptions {
    // Leptos reads the file again, relative to the executable's folder: a path given relative
    // to the working directory (`PASSERELLE_HASH_FILE=target/release/hash.txt`) would name
    // another file there, and every page would link unhashed names that do not exist.
    let absolute = std::path::absolute(hash_file);
    let hash_file = absolute.as_deref().unwrap_or(hash_file);
    let hashes = std::fs::read_to_string(hash_file).ok();
    if hashes.is_none() {
        tracing::warn!(
            hash_file = %hash_file.display(),
            "no hash file: pages will link the bundle's unhashed names (build it with `make site`)"
        );
    }
    // Every server of a process serves the same bundle (the tests start many).
    let _ = BUNDLE.set(Bundle::named(&options, hashes.as_deref()));
    let mut options = options;
    options.hash_files = hashes.is_some();
    options.hash_file = Arc::from(hash_file.to_string_lossy());
    options
}

/// The default place of the hash file: beside the running executable, where cargo-leptos puts
/// it (`target/release/hash.txt`).
pub fn beside_executable() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_default()
        .join(HASH_FILE)
}

/// The hash `hash.txt` gives for a file kind (`css`, `js`, `wasm`).
fn hash_of<'a>(hashes: &'a str, kind: &str) -> Option<&'a str> {
    hashes.lines().find_map(|line| {
        let (name, hash) = line.split_once(':')?;
        (name.trim() == kind).then(|| hash.trim())
    })
}

/// Whether `path` names a bundle file whose name carries its content's hash:
/// `/pkg/<name>.<22 base64url characters>.<extension>`.
pub fn is_content_hashed(path: &str) -> bool {
    let Some(file) = path.strip_prefix("/pkg/") else {
        return false;
    };
    let mut parts = file.rsplitn(3, '.');
    let (Some(_extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !stem.is_empty()
        && !stem.contains('/')
        && hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_with_a_content_hash_are_kept_for_good() {
        for hashed in [
            "/pkg/passerelle.Zx9_3kQ-aB1cD2eF3gH4iJ.css",
            "/pkg/passerelle.Zx9_3kQ-aB1cD2eF3gH4iJ.wasm",
        ] {
            assert!(is_content_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/pkg/passerelle.css",
            "/pkg/passerelle.wasm",
            "/pkg/passerelle.short.css",
            "/pkg/.Zx9_3kQ-aB1cD2eF3gH4iJ.css",
            "/pkg/snippets/x/passerelle.Zx9_3kQ-aB1cD2eF3gH4iJ.js",
            "/pkg/passerelle.Zx9_3kQ+aB1cD2eF3gH4iJ.css",
            "/matches.Zx9_3kQ-aB1cD2eF3gH4iJ.css",
            "/pkg/passerelle.Zx9_3kQ-aB1cD2eF3gH4iJ.css.br",
        ] {
            assert!(!is_content_hashed(plain), "{plain}");
        }
    }

    #[test]
    fn the_hash_file_gives_each_kind_its_hash() {
        let hashes = "js: AAAAAAAAAAAAAAAAAAAAAA\nwasm: BBBBBBBBBBBBBBBBBBBBBB\ncss: CCCCCCCCCCCCCCCCCCCCCC\n";
        assert_eq!(hash_of(hashes, "css"), Some("CCCCCCCCCCCCCCCCCCCCCC"));
        assert_eq!(hash_of(hashes, "wasm"), Some("BBBBBBBBBBBBBBBBBBBBBB"));
        assert_eq!(hash_of(hashes, "manifest"), None);
    }

    #[test]
    fn the_bundle_is_named_by_its_hashes() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join(HASH_FILE);
        std::fs::write(&file, "css: CCCCCCCCCCCCCCCCCCCCCC\n").expect("write");
        let options = LeptosOptions::builder().output_name("passerelle").build();
        let named = Bundle::named(
            &options,
            Some("css: CCCCCCCCCCCCCCCCCCCCCC\njs: AAAAAAAAAAAAAAAAAAAAAA\n"),
        );
        assert_eq!(named.css, "/pkg/passerelle.CCCCCCCCCCCCCCCCCCCCCC.css");
        assert_eq!(named.js, "/pkg/passerelle.AAAAAAAAAAAAAAAAAAAAAA.js");
        assert_eq!(
            named.wasm, "/pkg/passerelle.wasm",
            "no hash, the plain name"
        );
        let options = with_hashes(options, &file);
        assert!(options.hash_files);
        assert_eq!(&*options.hash_file, file.to_string_lossy());
        let missing = with_hashes(
            LeptosOptions::builder().output_name("passerelle").build(),
            &dir.path().join("none.txt"),
        );
        assert!(!missing.hash_files, "no file, no hashed names");
    }

    #[test]
    fn a_hash_file_named_from_the_working_directory_is_handed_to_leptos_whole() {
        let dir = tempfile::tempdir_in(".").expect("a folder under the working directory");
        let file = dir.path().join(HASH_FILE);
        std::fs::write(&file, "css: CCCCCCCCCCCCCCCCCCCCCC\n").expect("write");
        let name = dir.path().file_name().expect("a name").to_string_lossy();
        let relative = Path::new(&*name).join(HASH_FILE);
        let options = with_hashes(
            LeptosOptions::builder().output_name("passerelle").build(),
            &relative,
        );
        assert!(options.hash_files);
        assert!(
            Path::new(&*options.hash_file).is_absolute(),
            "{}",
            options.hash_file
        );
        assert!(Path::new(&*options.hash_file).exists());
    }
}
