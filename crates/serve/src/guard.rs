//! Request guards: the token, the Host header, the body size, and the response headers that
//! keep the dashboard from being framed or sniffed.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// The shortest token accepted for remote serving.
pub const MIN_TOKEN_LEN: usize = 16;

/// A secret every request must carry, kept as its SHA-256 digest.
#[derive(Clone)]
pub struct Token {
    digest: [u8; 32],
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

impl Token {
    /// Keeps the digest of `secret`.
    pub fn new(secret: &str) -> Token {
        Token {
            digest: Sha256::digest(secret.as_bytes()).into(),
        }
    }

    /// Whether `candidate` is the secret. Both sides are hashed first, so the comparison takes
    /// the same time whatever the candidate's length, and the byte loop does not stop early.
    pub fn matches(&self, candidate: &str) -> bool {
        let other: [u8; 32] = Sha256::digest(candidate.as_bytes()).into();
        let difference = self
            .digest
            .iter()
            .zip(other.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        difference == 0
    }
}

/// Checks the token (when one is set), the Host header (when none is set) and the body size,
/// then adds the security headers to whatever the handler answered.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Err(error) = check(&state, &request) {
        return with_security_headers(error.into_response());
    }
    with_security_headers(next.run(request).await)
}

fn check(state: &AppState, request: &Request) -> Result<(), ApiError> {
    if let Some(length) = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok())
    {
        if length > state.body_limit() as u64 {
            return Err(ApiError::TooLarge(state.body_limit()));
        }
    }
    match state.token() {
        Some(token) => {
            let bearer = bearer(request.headers());
            let from_query = request.uri().query().and_then(query_token);
            let given = bearer.or(from_query);
            if !given.is_some_and(|given| token.matches(&given)) {
                return Err(ApiError::Unauthorized);
            }
        }
        None => {
            // Without a token the server only listens on loopback. A page on another site could
            // still reach it through DNS rebinding (evil.example resolving to 127.0.0.1), which
            // the browser betrays by sending that name as Host: only loopback names pass.
            if let Some(host) = request.headers().get(header::HOST) {
                if !is_loopback_host(host.to_str().unwrap_or("")) {
                    return Err(ApiError::ForbiddenHost);
                }
            }
        }
    }
    Ok(())
}

/// The token of an `Authorization: Bearer …` header.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// The `token` parameter of a query string, percent-decoded.
fn query_token(query: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded_pairs(query)?;
    pairs
        .into_iter()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value)
}

/// Parses a query string into pairs with axum's own query extractor rules.
fn serde_urlencoded_pairs(query: &str) -> Option<Vec<(String, String)>> {
    let uri: axum::http::Uri = format!("/?{query}").parse().ok()?;
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&uri)
        .ok()
        .map(|query| query.0)
}

/// Whether a Host header value names this machine (`localhost`, `127.x.y.z`, `[::1]`, any port).
pub fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    name.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Adds headers that stop other sites framing the page, stop MIME sniffing, keep the token out
/// of Referer headers and allow scripts and styles from this server only.
fn with_security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_matches_only_itself() {
        let token = Token::new("correct horse battery staple");
        assert!(token.matches("correct horse battery staple"));
        assert!(!token.matches("correct horse battery stapl"));
        assert!(!token.matches(""));
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:9",
            "127.1.2.3",
            "[::1]:80",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "10.0.0.1",
            "[::2]:80",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn query_token_is_decoded() {
        assert_eq!(query_token("a=1&token=x%2By").as_deref(), Some("x+y"));
        assert_eq!(query_token("a=1"), None);
    }
}
