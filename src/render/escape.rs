//! Escaping for every output the renderer writes, and which web addresses may become links.
//!
//! Every value in an arrangements file is untrusted text: a file passed round by email can hold
//! `<script>`, a quote that closes an attribute, `</svg>`, or Markdown that smuggles in HTML or
//! a link. Values are escaped where they are written (HTML by minijinja's auto-escaping, SVG
//! and Markdown here), and an address becomes a link only if it is `https:`, `http:` or
//! `mailto:`.

use crate::rules::links::scheme;

/// Escapes text for HTML or SVG (XML) content and quoted attribute values.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; a file that holds one gets a space.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text so that Markdown (CommonMark and GitHub's dialect) shows it as written: no
/// emphasis, code, link, image, raw HTML, entity, table cell break or block marker can come
/// from a value. Line breaks become spaces, because a value always sits inside one line of
/// the template (a paragraph, a list item or a table cell); paragraphs are split before this.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Everywhere: inline syntax, raw HTML, entities and table cells.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // At the start of a value: list items, setext underlines, block quotes.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c if c.is_ascii_digit() && at_start => {
                // "1. " or "1) " would start an ordered list.
                out.push(c);
                while let Some(d) = chars.next_if(|d| d.is_ascii_digit()) {
                    out.push(d);
                }
                if let Some(p) = chars.next_if(|p| *p == '.' || *p == ')') {
                    // Only "1. " or a bare "1." is a list marker; "9.8%" is a figure.
                    if chars.peek().is_none_or(|n| n.is_whitespace()) {
                        out.push('\\');
                    }
                    out.push(p);
                }
            }
            c => out.push(c),
        }
        at_start = at_start && c.is_whitespace();
    }
    // Leading spaces would make an indented code block; they carry no meaning in a value.
    out.trim().to_owned()
}

/// What a web address in the file can be shown as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A link that can be followed: the address to use.
    Link(String),
    /// No address, or a placeholder such as "#": nothing to follow.
    NotPublished,
    /// An address at a reserved example domain (RFC 2606), such as the invented Northmoor
    /// example's: shown as text, never a link that leads nowhere.
    Example(String),
    /// Something that is not a web or mail address, or a scheme that could run code
    /// (`javascript:`, `data:`): shown as text only.
    NotAnAddress(String),
}

/// Decides how an address from the file is shown.
pub fn address(url: Option<&str>) -> Address {
    let Some(url) = url.map(str::trim).filter(|u| !u.is_empty() && *u != "#") else {
        return Address::NotPublished;
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Address::NotAnAddress(url.to_owned());
    }
    match scheme(url).as_deref() {
        Some("https" | "http") => match host(url) {
            Some(host) if is_example_host(&host) => Address::Example(url.to_owned()),
            Some(host) if host.contains('.') => Address::Link(url.to_owned()),
            _ => Address::NotAnAddress(url.to_owned()),
        },
        Some("mailto") if url.len() > "mailto:".len() && url.contains('@') => {
            Address::Link(url.to_owned())
        }
        _ => Address::NotAnAddress(url.to_owned()),
    }
}

/// The host of an http(s) address, lower-cased, without user information or port.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = authority.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Reserved names that never lead to a real site (RFC 2606 and RFC 6761).
fn is_example_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    ["example.com", "example.org", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid", ".localhost"]
            .iter()
            .any(|tld| host.ends_with(tld))
        || host == "localhost"
}

/// Makes an address safe inside a Markdown link destination written `<…>`: the characters that
/// would end it or break the line are percent-encoded.
pub fn markdown_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_quotes() {
        assert_eq!(
            xml("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(xml("a\u{0}b"), "a b");
    }

    #[test]
    fn markdown_shows_syntax_as_text() {
        assert_eq!(
            markdown("[click](javascript:alert(1))"),
            "\\[click\\](javascript:alert(1))"
        );
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "\\<img src=x onerror=alert(1)\\>"
        );
        assert_eq!(markdown("# Heading\n\n- item"), "\\# Heading  - item");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("12. twelve"), "12\\. twelve");
        assert_eq!(markdown("9.8%"), "9.8%");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("&amp;"), "\\&amp;");
        assert_eq!(markdown("    code"), "code");
        // Ordinary prose keeps its look.
        assert_eq!(
            markdown("Children's Services, 2024/25."),
            "Children's Services, 2024/25."
        );
        assert_eq!(markdown("a - b, 1. c"), "a - b, 1. c");
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(
            address(Some("https://www.bedford.gov.uk/x?y=1")),
            Address::Link("https://www.bedford.gov.uk/x?y=1".into())
        );
        assert_eq!(
            address(Some("mailto:scp@bedford.gov.uk")),
            Address::Link("mailto:scp@bedford.gov.uk".into())
        );
        assert_eq!(address(Some("#")), Address::NotPublished);
        assert_eq!(address(Some("  ")), Address::NotPublished);
        assert_eq!(address(None), Address::NotPublished);
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "www.example.org",
            "here",
            "https://",
            "https://a b.org",
        ] {
            assert!(
                matches!(address(Some(bad)), Address::NotAnAddress(_)),
                "{bad:?} is {:?}",
                address(Some(bad))
            );
        }
        assert!(matches!(
            address(Some("https://localhost/x")),
            Address::Example(_)
        ));
        assert!(matches!(
            address(Some("https://www.northmoorscp.example.org/x")),
            Address::Example(_)
        ));
    }

    #[test]
    fn markdown_destinations_cannot_close_early() {
        assert_eq!(
            markdown_destination("https://a.org/x> <b"),
            "https://a.org/x%3E%20%3Cb"
        );
    }
}
