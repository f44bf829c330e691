//! HTML: the article body (readability-style), title, publication date, canonical link and
//! language of a page.
//!
//! The body is `<article>`, else `<main>`, else the block with the most paragraph text.
//! Navigation, headers, footers, scripts, styles, asides, forms and share widgets are left out;
//! block elements become paragraph breaks (`"\n\n"`); entities are decoded by the parser.
//! Every walk over the tree is iterative, so deeply nested markup cannot overflow the stack.

use crate::{dates, Error, Limits};
use chrono::NaiveDate;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::collections::HashMap;
use trecho_model::{Diagnostic, Document, Format, Lang};

/// What a page gave.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) lang: Option<Lang>,
}

/// Reads an HTML file as one document.
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let markup = decode(bytes, source, diagnostics)?;
    let extracted =
        extract_limited(&markup, limits).map_err(|message| Error::unreadable(source, message))?;
    if extracted.text.trim().is_empty() {
        return Err(Error::unreadable(
            source,
            "no text found in the HTML page (no article, main or paragraph text)",
        ));
    }
    crate::check_document_size(&extracted.text, source, limits)?;
    Ok(vec![Document {
        source: source.to_string(),
        format: Format::Html,
        title: extracted.title,
        url: extracted.url,
        published: extracted.published,
        lang: extracted.lang,
        text: extracted.text,
        ..Document::default()
    }])
}

/// Decodes page bytes: the charset declared in the first kilobyte, else UTF-8 (falling back
/// to Windows-1252 like plain text).
fn decode(bytes: &[u8], source: &str, diagnostics: &mut Vec<Diagnostic>) -> Result<String, Error> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head_text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(at) = head_text.find("charset=") {
        let label: String = head_text[at + "charset=".len()..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | ':'))
            .collect();
        if let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if encoding != encoding_rs::UTF_8 && !crate::text::looks_binary(bytes) {
                let (decoded, _, had_errors) = encoding.decode(bytes);
                if had_errors {
                    diagnostics.push(Diagnostic {
                        source: source.to_string(),
                        message: format!("bytes not valid in the declared charset {label}"),
                    });
                }
                if decoded.trim().is_empty() {
                    return Err(Error::unreadable(
                        source,
                        "the file is empty (no text to read)",
                    ));
                }
                return Ok(decoded.into_owned());
            }
        }
    }
    crate::text::decode(bytes, source, diagnostics)
}

/// The deepest element nesting in the markup, estimated by a byte scan of tags.
///
/// The HTML tree builder checks its stack of open elements for every start tag, so very deep
/// nesting costs quadratic time; this cheap scan lets [`parse`] refuse such input first.
/// Void elements and elements whose end tag may be omitted (`<p>`, `<li>`, `<td>`…) are not
/// counted, so ordinary pages score their real depth or less.
pub(crate) fn nesting_depth(markup: &str) -> usize {
    let bytes = markup.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut index = 0;
    while let Some(offset) = bytes
        .get(index..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = index + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric())
            .count();
        index = name_start + name_len;
        if name_len == 0 {
            continue;
        }
        let name = markup
            .get(name_start..name_start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        if is_void_or_optional(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let tag_end = bytes
                .get(index..)
                .and_then(|rest| rest.iter().position(|&b| b == b'>'))
                .map(|at| index + at);
            let self_closing =
                tag_end.is_some_and(|end| end > 0 && bytes.get(end - 1) == Some(&b'/'));
            if !self_closing {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

fn is_void_or_optional(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "td"
            | "tr"
            | "th"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "rp"
            | "rt"
            | "caption"
            | "html"
            | "head"
            | "body"
    )
}

/// Like [`extract`], but refuses markup nested deeper than [`Limits::max_html_depth`]
/// (see [`nesting_depth`]); the error message says so.
pub(crate) fn extract_limited(markup: &str, limits: &Limits) -> Result<Extracted, String> {
    let depth = nesting_depth(markup);
    if depth > limits.max_html_depth {
        return Err(format!(
            "HTML is nested {depth} elements deep, over the limit of {} (Limits::max_html_depth)",
            limits.max_html_depth
        ));
    }
    Ok(extract(markup))
}

/// Extracts the article text and metadata from markup.
pub(crate) fn extract(markup: &str) -> Extracted {
    let page = Html::parse_document(markup);
    let root = page.tree.root();
    let mut extracted = metadata(root);
    let body = choose_body(root);
    let mut text = text_of(body.node, body.keep_headers);
    if text.trim().is_empty() && body.node.id() != root.id() {
        text = text_of(root, false);
    }
    extracted.text = text;
    extracted
}

/// Tags whose content is never article text.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "option"
            | "svg"
            | "iframe"
            | "figure"
            | "template"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "input"
            | "textarea"
            | "menu"
            | "dialog"
            | "footer"
            | "head"
            | "title"
            | "math"
    )
}

/// Tags that end a paragraph.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "dl"
            | "figcaption"
            | "address"
            | "hr"
            | "header"
            | "body"
            | "center"
            | "caption"
            | "tbody"
            | "thead"
            | "details"
            | "summary"
    )
}

/// Whether class, id, role or visibility mark an element as page furniture.
fn is_boilerplate(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = element.attr("role") {
        if matches!(
            role,
            "navigation" | "banner" | "complementary" | "contentinfo" | "search" | "menu"
        ) {
            return true;
        }
    }
    let names = element
        .attr("class")
        .into_iter()
        .chain(element.attr("id"))
        .flat_map(|value| value.split_whitespace());
    for name in names {
        let lower = name.to_ascii_lowercase();
        let furniture = [
            "share",
            "social",
            "navbar",
            "nav-",
            "menu",
            "breadcrumb",
            "footer",
            "sidebar",
            "related",
            "comment",
            "subscribe",
            "newsletter",
            "promo",
            "advert",
            "cookie",
            "banner",
            "popup",
            "modal",
            "signup",
            "sign-up",
            "paywall",
            "skip-link",
            "masthead",
        ];
        if furniture.iter().any(|word| lower.contains(word))
            || matches!(lower.as_str(), "ad" | "ads" | "nav")
            || lower.starts_with("ad-")
            || lower.starts_with("ads-")
        {
            return true;
        }
    }
    false
}

fn is_skipped(node: NodeRef<'_, Node>, keep_headers: bool) -> bool {
    match node.value() {
        Node::Element(element) => {
            let name = element.name();
            is_skipped_tag(name) || (name == "header" && !keep_headers) || is_boilerplate(element)
        }
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => true,
        _ => false,
    }
}

struct Body<'a> {
    node: NodeRef<'a, Node>,
    /// Inside an `<article>`, the `<header>` holds the headline and dateline: keep it.
    keep_headers: bool,
}

/// One step of [`walk`].
enum Step<'a> {
    /// Before the node's children; returning `false` skips them (and the `Exit`).
    Enter(NodeRef<'a, Node>),
    /// After the node's children.
    Exit(NodeRef<'a, Node>),
}

/// Visits `root` and its descendants depth-first with an explicit stack (no recursion, so
/// nesting depth cannot overflow the thread stack). Every entered node is exited exactly once
/// and visited at most once, even when the parser left inconsistent parent links after
/// reparenting misnested markup (ego-tree's own `traverse` can then close the wrong node).
fn walk<'a>(root: NodeRef<'a, Node>, mut visit: impl FnMut(Step<'a>) -> bool) {
    let n_nodes = root.tree().nodes().count();
    let mut seen: std::collections::HashSet<NodeId> = std::collections::HashSet::new();
    let mut stack: Vec<(NodeRef<'a, Node>, bool)> = vec![(root, true)];
    while let Some((node, entering)) = stack.pop() {
        if !entering {
            visit(Step::Exit(node));
            continue;
        }
        if !seen.insert(node.id()) || !visit(Step::Enter(node)) {
            continue;
        }
        stack.push((node, false));
        // Children pushed last-first so the first child is visited first; the count bound
        // stops a sibling cycle in a damaged tree.
        let mut child = node.last_child();
        let mut n_children = 0;
        while let Some(current) = child {
            if n_children > n_nodes {
                break;
            }
            stack.push((current, true));
            n_children += 1;
            child = current.prev_sibling();
        }
    }
}

/// The element holding the article: the `<article>` or `<main>` with the most text, else the
/// block with the most paragraph text (each paragraph scores its parent fully and its
/// grandparent half, as readability does).
fn choose_body(root: NodeRef<'_, Node>) -> Body<'_> {
    // One iterative walk computes text lengths outside boilerplate for every element.
    let mut text_len: HashMap<NodeId, usize> = HashMap::new();
    let mut paragraph_score: HashMap<NodeId, usize> = HashMap::new();
    let mut stack: Vec<(NodeRef<'_, Node>, usize)> = Vec::new();
    let mut best_article: Option<(NodeRef<'_, Node>, usize)> = None;
    let mut best_main: Option<(NodeRef<'_, Node>, usize)> = None;
    walk(root, |step| match step {
        Step::Enter(node) => {
            if is_skipped(node, true) {
                return false;
            }
            match node.value() {
                Node::Text(text) => {
                    if let Some((_, len)) = stack.last_mut() {
                        *len += text.trim().len();
                    }
                }
                Node::Element(_) => stack.push((node, 0)),
                _ => {}
            }
            true
        }
        Step::Exit(node) => {
            let Node::Element(element) = node.value() else {
                return true;
            };
            let Some((_, len)) = stack.pop() else {
                return true;
            };
            text_len.insert(node.id(), len);
            if let Some((_, parent_len)) = stack.last_mut() {
                *parent_len += len;
            }
            match element.name() {
                "p" | "pre" | "blockquote" | "li" | "h2" | "h3" => {
                    if let Some(&(parent, _)) = stack.last() {
                        *paragraph_score.entry(parent.id()).or_default() += len * 2;
                    }
                    if let Some(&(grandparent, _)) =
                        stack.len().checked_sub(2).and_then(|i| stack.get(i))
                    {
                        *paragraph_score.entry(grandparent.id()).or_default() += len;
                    }
                }
                "article" if best_article.is_none_or(|(_, best)| len > best) => {
                    best_article = Some((node, len));
                }
                "main" if best_main.is_none_or(|(_, best)| len > best) => {
                    best_main = Some((node, len));
                }
                _ => {}
            }
            true
        }
    });
    let densest = paragraph_score
        .iter()
        .max_by_key(|&(id, score)| (*score, std::cmp::Reverse(*id)))
        .and_then(|(&id, _)| root.tree().get(id));
    let densest_len = densest
        .and_then(|node| text_len.get(&node.id()).copied())
        .unwrap_or(0);
    // An <article> or <main> wins unless it is a small card beside a much larger text block
    // (a teaser or a related-story box on a page whose story sits in plain <div>s).
    for (candidate, len) in [best_article, best_main].into_iter().flatten() {
        if len > 0 && len * 2 >= densest_len {
            return Body {
                node: candidate,
                keep_headers: true,
            };
        }
    }
    match densest {
        Some(node) => Body {
            node,
            keep_headers: false,
        },
        None => Body {
            node: root,
            keep_headers: false,
        },
    }
}

/// The text of `node`: block elements become paragraph breaks, inline whitespace collapses,
/// `<br>` becomes a line break and `<pre>` keeps its lines.
fn text_of(node: NodeRef<'_, Node>, keep_headers: bool) -> String {
    let mut out = String::new();
    let mut pre_depth = 0usize;
    walk(node, |step| {
        match step {
            Step::Enter(current) => {
                if current.id() != node.id() && is_skipped(current, keep_headers) {
                    return false;
                }
                match current.value() {
                    Node::Text(text) => push_text(&mut out, text, pre_depth > 0),
                    Node::Element(element) => {
                        let name = element.name();
                        if name == "br" {
                            trim_trailing_spaces(&mut out);
                            out.push('\n');
                        } else if is_block_tag(name) {
                            paragraph_break(&mut out);
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                    }
                    _ => {}
                }
            }
            Step::Exit(current) => {
                if let Node::Element(element) = current.value() {
                    if element.name() == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if is_block_tag(element.name()) {
                        paragraph_break(&mut out);
                    }
                }
            }
        }
        true
    });
    out.trim().to_string()
}

fn push_text(out: &mut String, text: &str, preformatted: bool) {
    if preformatted {
        out.push_str(text);
        return;
    }
    for (index, word) in text.split_whitespace().enumerate() {
        let needs_space = index > 0
            || (text.starts_with(char::is_whitespace)
                && !out.is_empty()
                && !out.ends_with([' ', '\n']));
        if needs_space {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        out.push(' ');
    }
}

fn trim_trailing_spaces(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
}

fn paragraph_break(out: &mut String) {
    trim_trailing_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

/// Title, canonical link, publication date and language from `<head>` and the page.
fn metadata(root: NodeRef<'_, Node>) -> Extracted {
    let mut extracted = Extracted::default();
    let mut html_title: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut first_h1: Option<String> = None;
    let mut og_url: Option<String> = None;
    let mut meta_date: Option<(u8, NaiveDate)> = None;
    let mut time_date: Option<NaiveDate> = None;
    let mut elements = Vec::new();
    walk(root, |step| {
        if let Step::Enter(node) = step {
            if node.value().is_element() {
                elements.push(node);
            }
        }
        true
    });
    for node in elements {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "html" => {
                extracted.lang = element.attr("lang").and_then(Lang::parse);
            }
            "title" if html_title.is_none() => html_title = Some(flat_text(node)),
            "h1" if first_h1.is_none() => first_h1 = Some(flat_text(node)),
            "link" => {
                let is_canonical = element.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if is_canonical && extracted.url.is_none() {
                    extracted.url = element.attr("href").map(|href| href.trim().to_string());
                }
            }
            "meta" => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = element.attr("content") else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" if og_title.is_none() => {
                        og_title = Some(content.trim().to_string());
                    }
                    "og:url" if og_url.is_none() => og_url = Some(content.trim().to_string()),
                    _ => {}
                }
                // Lower rank wins: the article's own publication date before generic dates.
                let rank = match key.as_str() {
                    "article:published_time" | "og:published_time" | "datepublished" => 0,
                    "publication_date"
                    | "citation_publication_date"
                    | "parsely-pub-date"
                    | "sailthru.date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date.issued" => 1,
                    "date" | "dc.date" | "dcterms.date" | "dcterms.created" => 2,
                    _ => continue,
                };
                if let Some(date) = dates::parse(content) {
                    if meta_date.is_none_or(|(best, _)| rank < best) {
                        meta_date = Some((rank, date));
                    }
                }
            }
            "time" if time_date.is_none() => {
                time_date = element
                    .attr("datetime")
                    .and_then(dates::parse)
                    .or_else(|| dates::parse(&flat_text(node)));
            }
            _ => {}
        }
    }
    extracted.title = [og_title, html_title, first_h1]
        .into_iter()
        .flatten()
        .find(|title| !title.is_empty());
    if extracted.url.is_none() {
        extracted.url = og_url;
    }
    extracted.published = meta_date.map(|(_, date)| date).or(time_date);
    extracted
}

/// All text under a node with whitespace collapsed (for titles and `<time>`).
fn flat_text(node: NodeRef<'_, Node>) -> String {
    let mut words: Vec<&str> = Vec::new();
    walk(node, |step| {
        if let Step::Enter(descendant) = step {
            if let Node::Text(text) = descendant.value() {
                words.extend(text.split_whitespace());
            }
        }
        // Titles and dates are short: stop descending once enough words are in.
        words.len() <= 200
    });
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(markup: &str, expect: &str) {
        assert_eq!(extract(markup).text, expect);
    }

    #[test]
    fn article_body_without_furniture() {
        check(
            r#"<html><head><title>T</title><script>var x = 1;</script></head><body>
            <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
            <header><p>The White House</p></header>
            <article><h1>Fact Sheet</h1><p>President Donald J. Trump is implementing a 25%
            additional tariff.</p><div class="share-tools">Share on X</div>
            <p>Mexico &amp; Canada <b>must</b> act.</p></article>
            <aside>Related: other news</aside>
            <footer>Copyright</footer></body></html>"#,
            "Fact Sheet\n\nPresident Donald J. Trump is implementing a 25% additional tariff.\n\nMexico & Canada must act.",
        );
    }

    #[test]
    fn densest_block_without_article() {
        check(
            r#"<body><div class="menu"><p>Home</p><p>About</p></div>
            <div id="content"><div><p>The first paragraph of the story is long enough.</p>
            <p>The second paragraph adds more text to it.</p></div></div>
            <div class="sidebar"><p>Most read</p></div></body>"#,
            "The first paragraph of the story is long enough.\n\nThe second paragraph adds more text to it.",
        );
    }

    #[test]
    fn small_article_card_loses_to_the_story() {
        check(
            r#"<body><article class="card"><p>Teaser.</p></article>
            <div id="story"><p>The story has a long first paragraph about the water treaty.</p>
            <p>And a second paragraph about tariffs and deliveries.</p></div></body>"#,
            "The story has a long first paragraph about the water treaty.\n\nAnd a second paragraph about tariffs and deliveries.",
        );
    }

    #[test]
    fn misnested_markup_from_fuzzing() {
        // Found by the html fuzz target: an unclosed <a> reparented into <article> left
        // ego-tree's traversal unbalanced.
        let markup = r#"<body><nav><a href="/x">Fact Sheets=/a></nav>
            <header><p>The White House</p></header>
            <article><h1>Fact Sheet</h1><p class="dateline">Febr01">
            </article></body>"#;
        let text = extract(markup).text;
        assert!(text.contains("Fact Sheet"), "{text:?}");
    }

    #[test]
    fn metadata_is_read() {
        let extracted = extract(
            r#"<html lang="es-MX"><head><title>Página</title>
            <meta property="og:title" content="Acuerdo de agua">
            <meta name="date" content="2025-12-01">
            <meta property="article:published_time" content="2025-12-12T09:00:00-06:00">
            <link rel="canonical" href="https://example.gob/agua"></head>
            <body><main><p>México entregará agua.</p></main></body></html>"#,
        );
        assert_eq!(extracted.title.as_deref(), Some("Acuerdo de agua"));
        assert_eq!(extracted.url.as_deref(), Some("https://example.gob/agua"));
        assert_eq!(
            extracted.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(extracted.lang, Some(Lang::Es));
        assert_eq!(extracted.text, "México entregará agua.");
    }

    #[test]
    fn deep_nesting_is_read_or_refused() {
        let nested = |depth: usize| {
            format!(
                "{}<p>deep text</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let limits = Limits::default();
        let parsed = parse(
            nested(400).as_bytes(),
            "deep.html",
            &limits,
            &mut Vec::new(),
        );
        assert!(parsed.is_ok_and(|documents| documents[0].text == "deep text"));
        let refused = parse(
            nested(100_000).as_bytes(),
            "deep.html",
            &limits,
            &mut Vec::new(),
        );
        let message = refused.map(|_| ()).unwrap_err().to_string();
        assert!(
            message.starts_with("deep.html: HTML is nested 100000 elements deep"),
            "{message}"
        );
        assert_eq!(
            nesting_depth("<div><p>a<p>b<br><img src=x/></div><div/>"),
            1
        );
    }
}
