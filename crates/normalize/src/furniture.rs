//! Newsletter and web-page furniture: scrubbed-link markers, share buttons, subscription
//! footers and forwarded-message header blocks, recognised line by line.

use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// Lines longer than this are prose, never furniture; skipping them keeps the check cheap and
/// stops a long real paragraph that happens to mention "unsubscribe" from being dropped.
const MAX_FURNITURE_LINE_BYTES: usize = 300;

/// Inline markers that scrubbers and plain-text exports leave where links were.
///
/// Inside a marker, "space" is every char the cleaner treats as a word separator (whitespace,
/// control and zero-width chars): "[[link\u{0}removed]]" must be a marker here too, or it would
/// come out as "[[link removed]]" and only the second normalization would drop it.
static MARKERS: LazyLock<Regex> = LazyLock::new(|| {
    let space = r"[\s\p{Cc}\x{200B}\x{2060}\x{FEFF}]";
    Regex::new(&format!(
        r"(?i)\[\[?{space}*(?:link|image|url){space}+removed{space}*\]\]?|<(?:https?|mailto):[^>\s]*>|\[(?:https?|mailto):[^\]\s]*\]"
    ))
    .unwrap_or_else(|err| panic!("bug: marker pattern does not compile: {err}"))
});

/// Whole lines (trimmed) that are page or newsletter furniture, not article text.
static FURNITURE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        // Share widgets: a line made only of share targets.
        r"(?i)^(?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|bluesky|threads|copy link|share this(?: article| story| post| page)?|share on \w+|compartir|comparte|imprimir)[\s|·•/,]*)+$",
        // "View in browser" and its variants.
        r"(?i)^(?:view|read|open|see|ver)(?-u:\b).{0,30}(?:(?-u:\b)in (?:your |a |the )?(?:web )?browser|(?-u:\b)web version|(?-u:\b)online version|(?-u:\b)en (?:tu |el |su )?navegador)\.?$",
        r"(?i)(?-u:\b)manage (?:your )?(?:subscriptions?|preferences|email preferences|account)(?-u:\b)",
        r"(?i)(?-u:\b)(?:update|change) (?:your )?(?:email )?preferences(?-u:\b)",
        r"(?i)(?:^(?:to )?unsubscribe(?-u:\b)|(?-u:\b)unsubscribe (?:here|from|at|now|link)(?-u:\b)|(?-u:\b)click here to unsubscribe(?-u:\b)|(?-u:\b)unsubscribe(?-u:\b).*(?-u:\b)(?:email|list|newsletter|preferences|mailing)(?-u:\b)|(?-u:\b)(?:email|list|newsletter|preferences|mailing)(?-u:\b).*(?-u:\b)unsubscribe(?-u:\b)|^unsubscribe$|(?-u:\b)darse de baja(?-u:\b)|(?-u:\b)cancelar (?:la )?suscripci[oó]n(?-u:\b))",
        r"(?i)(?-u:\b)you (?:are )?receiv(?:ed|ing) this (?:email|e-mail|newsletter|message)(?-u:\b)",
        r"(?i)^(?:copyright(?-u:\b)|©|\(c\) ?\d{4}).*$",
        r"(?i)^(?:subscribe(?: now| today| here)?|sign up(?: now| here)?|donate(?: now)?|advertisement|publicidad|read more|continue reading|click here|follow us(?: on .*)?|s[ií]guenos(?: en .*)?|like us on facebook|forward to a friend|suscr[ií]bete|get the app|download the app)[.!:]?$",
        r"(?i)^p\.? ?o\.? box \d+",
        // Horizontal rules and separators: "-----", "* * *", "=====".
        r"^[-_=*~#•·|/\\+. ]{3,}$",
        r"(?i)^(?:sent from my \w+|(?:read|open|continue) in (?:the )?app|listen to this (?:article|story|episode)|get the app)\.?$",
        // Reply introductions: "On Mon, Dec 29, 2025 at 7:02 AM Jane <j@x> wrote:".
        r"(?i)^(?:on|el) .{5,160} (?:wrote|escribió):$",
        // A postal address line: a street number, a street word and a ZIP code.
        r"(?i)^\d{1,6} [^.!?]{0,80}(?-u:\b)(?:street|st\.?|avenue|ave\.?|road|rd\.?|suite|ste\.?|blvd\.?|boulevard|floor|fl\.?|drive|dr\.?|lane|way|plaza)(?-u:\b)[^.!?]{0,80}(?-u:\b)\d{5}(?:-\d{4})?(?-u:\b)",
        r"(?i)^[^.!?]{0,80}(?-u:\b)(?:suite|ste\.?) \d+[^.!?]{0,60}(?-u:\b)\d{5}(?:-\d{4})?$",
    ])
    .unwrap_or_else(|err| panic!("bug: furniture patterns do not compile: {err}"))
});

/// The line that opens a forwarded message's header block.
static FORWARDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:-{2,}\s*(?:forwarded message|original message|mensaje reenviado|mensaje original)\s*-{2,}|begin forwarded message:?|-{2,}\s*forwarded by .*)$")
        .unwrap_or_else(|err| panic!("bug: forwarded pattern does not compile: {err}"))
});

/// One header line inside a forwarded block ("From: …", "Date: …").
static FORWARDED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(from|de|date|fecha|sent|enviado|subject|asunto|to|para|cc|bcc|reply-to):\s*(.*)$",
    )
    .unwrap_or_else(|err| panic!("bug: header pattern does not compile: {err}"))
});

/// Byte ranges of scrubbed-link markers in `line`.
pub(crate) fn marker_ranges(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    // Cheap pre-check: every marker contains '[' or '<'.
    let has_candidate = line.bytes().any(|byte| byte == b'[' || byte == b'<');
    let matches = if has_candidate {
        Some(
            MARKERS
                .find_iter(line)
                .map(|found| (found.start(), found.end())),
        )
    } else {
        None
    };
    matches.into_iter().flatten()
}

/// Whether a whole (trimmed, marker-free) line or paragraph is furniture.
pub(crate) fn is_furniture(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_FURNITURE_LINE_BYTES && FURNITURE.is_match(text)
}

/// Whether the line opens a forwarded-message header block.
pub(crate) fn is_forwarded_start(text: &str) -> bool {
    // Cheap pre-check: every opening line starts with dashes or "Begin".
    text.len() <= 120
        && (text.starts_with('-')
            || text
                .get(..5)
                .is_some_and(|head| head.eq_ignore_ascii_case("begin")))
        && FORWARDED.is_match(text)
}

/// If the line is a header of a forwarded block, its name (lowercase) and value.
pub(crate) fn forwarded_header(text: &str) -> Option<(String, &str)> {
    // Cheap pre-check: header names are short, so the colon comes early.
    if text.len() > 400 || !text.bytes().take(12).any(|byte| byte == b':') {
        return None;
    }
    let captures = FORWARDED_HEADER.captures(text)?;
    let name = captures.get(1)?.as_str().to_ascii_lowercase();
    let value = captures.get(2).map_or("", |value| value.as_str());
    Some((name, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_furniture(line: &str, expect: bool) {
        assert_eq!(is_furniture(line), expect, "{line:?}");
    }

    #[test]
    fn share_and_subscription_lines_are_furniture() {
        check_furniture("Share", true);
        check_furniture("Share this article", true);
        check_furniture("Facebook | Twitter | Email", true);
        check_furniture("View in browser", true);
        check_furniture("View this email in your browser", true);
        check_furniture("Manage subscription", true);
        check_furniture("To unsubscribe from this list, click here.", true);
        check_furniture("Unsubscribe | Update your preferences", true);
        check_furniture("You are receiving this email because you signed up.", true);
        check_furniture(
            "Copyright © 2025 Example Magazine, All rights reserved.",
            true,
        );
        check_furniture("© 2025 Example Magazine", true);
        check_furniture(
            "1234 Example Street NW, Suite 500, Washington, DC 20005",
            true,
        );
        check_furniture("Subscribe now", true);
        check_furniture("-----", true);
        check_furniture("* * *", true);
        check_furniture("Sent from my iPhone", true);
        check_furniture(
            "On Mon, Dec 29, 2025 at 7:02 AM Jane Doe <jane@example.org> wrote:",
            true,
        );
        check_furniture("[…]", false);
        check_furniture("- more troops", false);
    }

    #[test]
    fn prose_is_not_furniture() {
        check_furniture(
            "Mexico agreed to share intelligence on cartel networks.",
            false,
        );
        check_furniture("Trump threatened Sheinbaum with more tariffs.", false);
        check_furniture("Email", true);
        check_furniture("The email was sent on Monday to 200 officials.", false);
        check_furniture("X", true);
        check_furniture(
            "Read more about the treaty in our archive of water deliveries.",
            false,
        );
    }

    #[test]
    fn markers_are_found() {
        let line =
            "Read the report [[link removed]] and <https://t.example/abc> now [link removed]";
        let found: Vec<&str> = marker_ranges(line).map(|(s, e)| &line[s..e]).collect();
        assert_eq!(
            found,
            [
                "[[link removed]]",
                "<https://t.example/abc>",
                "[link removed]"
            ]
        );
    }

    #[test]
    fn forwarded_blocks_are_recognised() {
        assert!(is_forwarded_start("---------- Forwarded message ---------"));
        assert!(is_forwarded_start("Begin forwarded message:"));
        assert_eq!(
            forwarded_header("Date: Wed, Dec 24, 2025 at 7:02 AM"),
            Some(("date".to_string(), "Wed, Dec 24, 2025 at 7:02 AM"))
        );
        assert_eq!(forwarded_header("The date: is not a header"), None);
    }
}
