//! Finding and reading input files: paths and directories (walked recursively in sorted order)
//! and `-` for standard input, each read with a size limit.

use crate::Error;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::FileType;
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

/// Lists the files the given paths name, all at once: [`walk_inputs`] collected. The list
/// takes memory in proportion to the number of files; readers of large directories should
/// walk instead.
pub fn list_inputs(paths: &[PathBuf]) -> Vec<InputPath> {
    walk_inputs(paths).collect()
}

/// Counts the files [`walk_inputs`] would give (a progress bar's total) without keeping them:
/// the same walk, so the same count, at the cost of listing each directory once more (file
/// types come with the directory listing, so no file is opened or stat'ed).
pub fn count_inputs(paths: &[PathBuf]) -> u64 {
    walk_inputs(paths).map(|_| 1u64).sum()
}

/// Walks the files the given paths name, one at a time: files as given, directories walked
/// recursively and depth first (entries sorted by name, hidden entries and symlinked
/// directories skipped, only [`DIRECTORY_EXTENSIONS`]), `-` as standard input. Paths that
/// cannot be read come as [`InputPath::Missing`] so the caller reports them and goes on.
///
/// Only the names of the directories being walked are held (the one being read and the rest
/// of each directory above it), never the whole tree, so memory does not grow with the
/// number of files in a tree of directories; a single flat directory is still read whole,
/// because its entries must be sorted.
pub fn walk_inputs(paths: &[PathBuf]) -> InputWalk {
    InputWalk {
        paths: paths.iter().cloned().collect(),
        directories: Vec::new(),
    }
}

/// The iterator [`walk_inputs`] returns.
#[derive(Debug)]
pub struct InputWalk {
    /// The given paths not reached yet.
    paths: VecDeque<PathBuf>,
    /// The directories being walked, outermost first, each with its entries still to go.
    directories: Vec<Directory>,
}

/// A directory being walked: its path and its remaining entries (name and type), sorted.
#[derive(Debug)]
struct Directory {
    path: PathBuf,
    entries: std::vec::IntoIter<(OsString, FileType)>,
}

impl Iterator for InputWalk {
    type Item = InputPath;

    fn next(&mut self) -> Option<InputPath> {
        loop {
            if let Some(directory) = self.directories.last_mut() {
                let Some((name, file_type)) = directory.entries.next() else {
                    self.directories.pop();
                    continue;
                };
                let path = directory.path.join(name);
                if file_type.is_dir() {
                    if let Err(missing) = self.enter(path) {
                        return Some(missing);
                    }
                } else if file_type.is_symlink() && path.is_dir() {
                    // Symlinked directories are not followed: they can form cycles.
                } else if has_input_extension(&path) {
                    return Some(InputPath::File(path));
                }
                continue;
            }
            let path = self.paths.pop_front()?;
            if path.as_os_str() == "-" {
                return Some(InputPath::Stdin);
            }
            match std::fs::metadata(&path) {
                Ok(metadata) if metadata.is_dir() => {
                    if let Err(missing) = self.enter(path) {
                        return Some(missing);
                    }
                }
                Ok(_) => return Some(InputPath::File(path)),
                Err(err) => return Some(InputPath::Missing(path, err.to_string())),
            }
        }
    }
}

impl InputWalk {
    /// Reads a directory's entries and walks it next, or gives it back as unreadable.
    fn enter(&mut self, path: PathBuf) -> Result<(), InputPath> {
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(err) => return Err(InputPath::Missing(path, err.to_string())),
        };
        let mut entries: Vec<(OsString, FileType)> = entries
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let file_type = entry.file_type().ok()?;
                Some((entry.file_name(), file_type))
            })
            .filter(|(name, _)| !name.to_str().is_some_and(|name| name.starts_with('.')))
            .collect();
        // Sorted so that the same directory always gives the same order of documents and events.
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.directories.push(Directory {
            path,
            entries: entries.into_iter(),
        });
        Ok(())
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
    walk_inputs(paths).map(move |input_path| read_input(&input_path, format, max_bytes))
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
    fn the_walk_gives_paths_in_the_order_given_and_nested_directories_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("tree/m/deeper")).unwrap();
        std::fs::create_dir_all(root.join("tree/empty")).unwrap();
        for name in [
            "tree/b.txt",
            "tree/m/a.txt",
            "tree/m/deeper/z.eml",
            "tree/m/notes.md",
            "tree/n.html",
            "tree/A.TXT",
            "notes.md",
        ] {
            std::fs::write(root.join(name), "Mexico extradited 26 cartel figures.").unwrap();
        }
        let paths = [
            root.join("notes.md"),
            root.join("tree"),
            PathBuf::from("-"),
            root.join("gone.txt"),
        ];
        let walked: Vec<InputPath> = walk_inputs(&paths).collect();
        let file = |name: &str| InputPath::File(root.join(name));
        assert_eq!(
            walked[..7],
            [
                // Named on the command line: read whatever the extension.
                file("notes.md"),
                // Sorted by bytes (upper case first), each directory where its name falls.
                file("tree/A.TXT"),
                file("tree/b.txt"),
                file("tree/m/a.txt"),
                file("tree/m/deeper/z.eml"),
                file("tree/n.html"),
                InputPath::Stdin,
            ]
        );
        assert!(
            matches!(&walked[7], InputPath::Missing(path, _) if *path == root.join("gone.txt"))
        );
        assert_eq!(walked.len(), 8);
        assert_eq!(count_inputs(&paths), 8);
        assert_eq!(list_inputs(&paths), walked);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_subdirectory_is_reported_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/locked")).unwrap();
        for name in ["a.txt", "b/locked/x.txt", "c.txt"] {
            std::fs::write(root.join(name), "Mexico extradited 26 cartel figures.").unwrap();
        }
        let locked = root.join("b/locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = std::fs::read_dir(&locked).is_ok();
        let walked: Vec<InputPath> = walk_inputs(&[root.to_path_buf()]).collect();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        if readable_anyway {
            // Run as root, permissions do not lock anything: nothing to check.
            eprintln!("skipped: {} is readable despite mode 000", locked.display());
            return;
        }
        assert_eq!(walked.len(), 3, "{walked:?}");
        assert_eq!(walked[0], InputPath::File(root.join("a.txt")));
        assert!(matches!(&walked[1], InputPath::Missing(path, _) if *path == locked));
        assert_eq!(walked[2], InputPath::File(root.join("c.txt")));
        let err = read_input(&walked[1], None, 100)
            .bytes
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(&locked.display().to_string()), "{err}");
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
