//! Finding and reading input files: paths and directories (walked recursively in sorted order)
//! and `-` for standard input, each read with a size limit.

use crate::Error;
use std::io::Read;
use std::path::{Path, PathBuf};
use trecho_model::Format;

/// File extensions read when walking a directory. Files named on the command line are always
/// read, whatever their name; inside directories, other files (README, images…) are skipped.
pub const DIRECTORY_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "eml", "mbox", "xml", "rss", "atom", "jsonl", "ndjson",
];

/// One input file, read (or not) into memory.
#[derive(Debug)]
pub struct Input {
    /// The name used in messages and in `Document::source`: the path as given, or `-`.
    pub source: String,
    /// The format to parse it as: the `--input-format` override, else detected.
    pub format: Format,
    /// The bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, Error>,
}

/// Where an input comes from, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPath {
    /// A file.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// A path that could not be listed (missing file, unreadable directory).
    Missing(PathBuf, String),
}

impl InputPath {
    /// The name used in messages.
    pub fn source(&self) -> String {
        match self {
            InputPath::File(path) | InputPath::Missing(path, _) => path.display().to_string(),
            InputPath::Stdin => "-".to_string(),
        }
    }
}

/// Lists the files the given paths name: files as given, directories walked recursively
/// (entries sorted by name, hidden entries and symlinked directories skipped, only
/// [`DIRECTORY_EXTENSIONS`]), `-` as standard input. Paths that cannot be read are listed as
/// [`InputPath::Missing`] so the caller reports them and goes on.
pub fn list_inputs(paths: &[PathBuf]) -> Vec<InputPath> {
    let mut listed = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            listed.push(InputPath::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, &mut listed),
            Ok(_) => listed.push(InputPath::File(path.clone())),
            Err(err) => listed.push(InputPath::Missing(path.clone(), err.to_string())),
        }
    }
    listed
}

fn walk(dir: &Path, listed: &mut Vec<InputPath>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            listed.push(InputPath::Missing(dir.to_path_buf(), err.to_string()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            !path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with('.'))
        })
        .collect();
    // Sorted so that the same directory always gives the same order of documents and events.
    paths.sort();
    for path in paths {
        let Ok(link_metadata) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if link_metadata.is_dir() {
            walk(&path, listed);
        } else if link_metadata.file_type().is_symlink() && path.is_dir() {
            // Symlinked directories are not followed: they can form cycles.
            continue;
        } else if has_input_extension(&path) {
            listed.push(InputPath::File(path));
        }
    }
}

fn has_input_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .map(|ext| ext.to_ascii_lowercase())
        .is_some_and(|ext| DIRECTORY_EXTENSIONS.contains(&ext.as_str()))
}

/// Reads one listed input, at most `max_bytes` bytes, and picks its format (`format` if given,
/// else [`trecho_ingest::detect_format`]).
pub fn read_input(input_path: &InputPath, format: Option<Format>, max_bytes: usize) -> Input {
    let source = input_path.source();
    let (name, bytes) = match input_path {
        InputPath::File(path) => (
            path.clone(),
            std::fs::File::open(path)
                .map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })
                .and_then(|file| read_limited(file, path, max_bytes)),
        ),
        InputPath::Stdin => {
            let path = PathBuf::from("-");
            let bytes = read_limited(std::io::stdin().lock(), &path, max_bytes);
            (path, bytes)
        }
        InputPath::Missing(path, message) => (
            path.clone(),
            Err(Error::Io {
                path: path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, message.clone()),
            }),
        ),
    };
    let format = format.unwrap_or_else(|| match &bytes {
        Ok(bytes) => trecho_ingest::detect_format(&name, bytes),
        Err(_) => Format::Text,
    });
    Input {
        source,
        format,
        bytes,
    }
}

/// Reads the inputs the paths name, one at a time and in order, each with a size limit.
/// Errors are per input: a missing or unreadable file does not stop the others.
pub fn read_inputs(
    paths: &[PathBuf],
    format: Option<Format>,
    max_bytes: usize,
) -> impl Iterator<Item = Input> {
    list_inputs(paths)
        .into_iter()
        .map(move |input_path| read_input(&input_path, format, max_bytes))
}

/// Reads at most `max_bytes`; one byte more means the input is over the limit, and the rest is
/// never read (so a huge file costs no more memory than the limit).
fn read_limited(reader: impl Read, path: &Path, max_bytes: usize) -> Result<Vec<u8>, Error> {
    // Sized from the file's length when known, so a 50 MB file takes 50 MB and not the 64 MiB
    // that doubling a growing buffer would reach.
    let size_hint = std::fs::metadata(path)
        .ok()
        .filter(|metadata| metadata.is_file())
        .map_or(0, |metadata| metadata.len());
    let capacity = usize::try_from(size_hint)
        .unwrap_or(max_bytes)
        .min(max_bytes);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() > max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: (path.as_os_str() != "-")
                .then(|| std::fs::metadata(path).ok().map(|metadata| metadata.len()))
                .flatten(),
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/nested")).unwrap();
        for name in [
            "z.txt",
            "a.html",
            "README.md",
            ".hidden.txt",
            "b/nested/c.eml",
            "b/a.jsonl",
        ] {
            std::fs::write(root.join(name), "Mexico extradited 26 cartel figures.").unwrap();
        }
        let listed: Vec<String> = list_inputs(&[root.to_path_buf()])
            .iter()
            .map(|input| {
                input
                    .source()
                    .strip_prefix(&root.display().to_string())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(
            listed,
            ["/a.html", "/b/a.jsonl", "/b/nested/c.eml", "/z.txt"]
        );
    }

    #[test]
    fn missing_paths_are_reported_not_fatal() {
        let listed = list_inputs(&[PathBuf::from("/no/such/file.txt")]);
        let input = read_input(&listed[0], None, 100);
        let err = input.bytes.unwrap_err().to_string();
        assert!(err.starts_with("/no/such/file.txt: "), "{err}");
    }

    #[test]
    fn size_limit_is_enforced_without_reading_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "x".repeat(1000)).unwrap();
        let input = read_input(&InputPath::File(path.clone()), None, 999);
        let err = input.bytes.unwrap_err().to_string();
        assert!(err.contains("big.txt") && err.contains("999"), "{err}");
        assert_eq!(
            read_input(&InputPath::File(path), None, 1000)
                .bytes
                .unwrap()
                .len(),
            1000
        );
    }
}
