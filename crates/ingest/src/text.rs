//! Plain text: bytes → UTF-8 string. Invalid UTF-8 is read as Windows-1252 (with a
//! diagnostic), UTF-16 with a byte-order mark is decoded, and binary files are refused.

use crate::{Error, Limits};
use trecho_model::{Diagnostic, Document, Format};

/// How many leading bytes are inspected to decide whether a file is binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// Reads a plain-text file as one document.
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let text = decode(bytes, source, diagnostics)?;
    crate::check_document_size(&text, source, limits)?;
    Ok(vec![Document {
        source: source.to_string(),
        format: Format::Text,
        text,
        ..Document::default()
    }])
}

/// Decodes the bytes of a text file, refusing empty and binary files.
pub(crate) fn decode(
    bytes: &[u8],
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, Error> {
    if let Some(text) = decode_utf16(bytes) {
        diagnostics.push(Diagnostic {
            source: source.to_string(),
            message: "decoded as UTF-16 (byte-order mark found)".to_string(),
        });
        return non_empty(text, source);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(Error::unreadable(
            source,
            "looks like a binary file (NUL bytes or mostly control characters), not text; leave it \
             out, or convert it to text, HTML, email or JSON Lines first",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(err) => {
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            diagnostics.push(Diagnostic {
                source: source.to_string(),
                message: format!(
                    "not valid UTF-8 (first bad byte at offset {}): decoded as Windows-1252",
                    err.valid_up_to()
                ),
            });
            decoded.into_owned()
        }
    };
    non_empty(text, source)
}

fn non_empty(text: String, source: &str) -> Result<String, Error> {
    if text.trim().is_empty() {
        return Err(Error::unreadable(
            source,
            "the file is empty (no text to read)",
        ));
    }
    Ok(text)
}

/// UTF-16 text with a byte-order mark, decoded.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let encoding = match bytes.get(..2)? {
        [0xFF, 0xFE] => encoding_rs::UTF_16LE,
        [0xFE, 0xFF] => encoding_rs::UTF_16BE,
        _ => return None,
    };
    let (decoded, _) = encoding.decode_with_bom_removal(bytes);
    Some(decoded.into_owned())
}

/// Whether the first bytes look like a binary file: any NUL byte, or more than one in ten
/// bytes a control character other than tab, line feed, carriage return and form feed.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let n_control = head
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    n_control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expect: Result<&str, &str>) {
        let mut diagnostics = Vec::new();
        let found = decode(bytes, "in.txt", &mut diagnostics);
        match (found, expect) {
            (Ok(text), Ok(expect)) => assert_eq!(text, expect),
            (Err(err), Err(expect)) => assert!(err.to_string().contains(expect), "{err}"),
            (found, expect) => panic!("{found:?} != {expect:?}"),
        }
    }

    #[test]
    fn utf8_and_fallbacks() {
        check(
            "Sheinbaum dijo: «no».".as_bytes(),
            Ok("Sheinbaum dijo: «no»."),
        );
        check(b"\xEF\xBB\xBFHello", Ok("Hello"));
        check(b"Se\xF1or M\xE9xico", Ok("Señor México"));
        check(b"\xFF\xFEH\0i\0", Ok("Hi"));
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        check(b"", Err("in.txt: the file is empty"));
        check(b" \n\n ", Err("in.txt: the file is empty"));
        check(
            b"\x7FELF\x02\x01\x01\0\0\0",
            Err("in.txt: looks like a binary file"),
        );
    }
}
