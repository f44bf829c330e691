//! Serve: the HTTP API and the dashboard (axum). The only crate that knows HTTP.
//!
//! [`app`] builds the router from an [`AppState`] (so tests call it without a port);
//! [`serve`] checks the address rules, opens the store and listens ([`Server`] does it in two
//! steps, for a caller that needs the OS-chosen port first, like the load test `tests/rate.rs`).
//!
//! The API answers JSON with the field names of `spec/events.md` and `spec/ledger.md`:
//! `GET /api/events` (filters `actor`, `recipient`, `type`, `kind`, `issue`, `from`, `to`,
//! `lang`, `q`; paging `limit`, `offset`; `format=csv`), `/api/events/{id}`,
//! `/api/documents/{id}`, `/api/ledger`, `/api/ledger/{id}`, `/api/redlines`, `/api/linkage`,
//! `/api/index`, `/api/timeline`, `/api/facets`, `/api/openapi.json`. The dashboard is `/`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), trecho_serve::Error> {
//! let options = trecho_serve::ServeOptions::new("trecho.db".into());
//! trecho_serve::serve(options).await
//! # }
//! ```

mod api;
mod assets;
mod data;
mod error;
mod facets;
mod guard;
mod json;
mod ledger;
mod marks;
mod params;
mod table;

pub use error::{ApiError, Error};
pub use guard::{is_loopback_host, Token, MIN_TOKEN_LEN};
pub use marks::{marks, Mark};

use axum::error_handling::HandleErrorLayer;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The address `trecho serve` listens on unless told otherwise.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The largest request body accepted (the API takes none; this bounds what a client can send).
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;
/// How long one request may take before it is answered 503.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// What the handlers share: the store connections, the token, the limits and the ledger cache.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Arc<data::Pool>,
    token: Option<Token>,
    body_limit: usize,
    timeout: Duration,
    ledger: ledger::Cache,
}

impl AppState {
    /// Opens `connections` read connections to the store at `path` (which must exist).
    pub fn open(path: &Path, connections: usize) -> Result<AppState, Error> {
        let pool = data::Pool::open(path, connections)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                pool: Arc::new(pool),
                token: None,
                body_limit: DEFAULT_BODY_LIMIT,
                timeout: DEFAULT_TIMEOUT,
                ledger: ledger::Cache::default(),
            }),
        })
    }

    /// Requires `token` on every request.
    pub fn with_token(self, token: Option<Token>) -> AppState {
        self.map(|inner| inner.token = token)
    }

    /// Sets the per-request timeout.
    pub fn with_timeout(self, timeout: Duration) -> AppState {
        self.map(|inner| inner.timeout = timeout)
    }

    /// Sets the request body limit in bytes.
    pub fn with_body_limit(self, body_limit: usize) -> AppState {
        self.map(|inner| inner.body_limit = body_limit)
    }

    fn map(self, f: impl FnOnce(&mut Inner)) -> AppState {
        let mut inner = match Arc::try_unwrap(self.inner) {
            Ok(inner) => inner,
            Err(shared) => Inner {
                pool: Arc::clone(&shared.pool),
                token: shared.token.clone(),
                body_limit: shared.body_limit,
                timeout: shared.timeout,
                ledger: ledger::Cache::default(),
            },
        };
        f(&mut inner);
        AppState {
            inner: Arc::new(inner),
        }
    }

    pub(crate) fn pool(&self) -> &Arc<data::Pool> {
        &self.inner.pool
    }

    pub(crate) fn token(&self) -> Option<&Token> {
        self.inner.token.as_ref()
    }

    pub(crate) fn body_limit(&self) -> usize {
        self.inner.body_limit
    }

    pub(crate) fn ledger_cache(&self) -> &ledger::Cache {
        &self.inner.ledger
    }
}

/// The API's endpoints (all `GET`, JSON unless `format=csv`), with what each answers: listed by
/// `trecho serve --help` and the README, and checked against the router by the tests. The
/// full description with every parameter is `/api/openapi.json`.
pub const ENDPOINTS: &[(&str, &str)] = &[
    (
        "/api/events",
        "events, filtered (actor, recipient, type, kind, issue, from, to, lang, text) and paged (limit, offset); format=csv",
    ),
    ("/api/events/{id}", "one event record"),
    ("/api/documents/{id}", "one document with its sentences"),
    ("/api/timeline", "said and done events per week or month"),
    ("/api/facets", "the countries, issues, types and dates the store holds"),
    ("/api/ledger", "threats, promises and demands with repeats and status"),
    ("/api/ledger/{id}", "one ledger item with its mentions and evidence"),
    ("/api/redlines", "red lines and whether they hold"),
    ("/api/redlines/{id}", "one red line with its evidence"),
    ("/api/linkage", "one issue used as a lever on another"),
    ("/api/index", "the said-versus-done index per dyad, issue and week or month"),
    ("/api/openapi.json", "the OpenAPI description of every endpoint and parameter"),
];

/// The endpoint list as `trecho serve --help` prints it.
pub fn endpoints_help() -> String {
    let mut help = String::from("API endpoints (GET; the dashboard is at /):\n");
    for (path, what) in ENDPOINTS {
        help.push_str(&format!("  {path:<22} {what}\n"));
    }
    help
}

/// The router: API, dashboard and embedded assets, behind the guards and the timeout.
pub fn app(state: AppState) -> Router {
    let timeout = state.inner.timeout;
    let api = Router::new()
        .route("/events", get(api::events))
        .route("/events/{id}", get(api::event))
        .route("/documents/{id}", get(api::document))
        .route("/timeline", get(api::timeline))
        .route("/facets", get(facets::facets))
        .route("/ledger", get(ledger::commitments))
        .route("/ledger/{id}", get(ledger::commitment))
        .route("/redlines", get(ledger::red_lines))
        .route("/redlines/{id}", get(ledger::red_line))
        .route("/linkage", get(ledger::linkages))
        .route("/index", get(ledger::index))
        .route("/openapi.json", get(assets::openapi))
        .fallback(api::unknown_endpoint);
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .nest("/api", api)
        .fallback(assets::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(state.inner.body_limit))
        .layer(
            tower::ServiceBuilder::new()
                .layer(HandleErrorLayer::new(on_layer_error))
                .timeout(timeout),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

/// Answers a request the timeout layer stopped.
async fn on_layer_error(error: tower::BoxError) -> axum::response::Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiError::Timeout.into_response()
    } else {
        ApiError::Internal(format!("middleware: {error}")).into_response()
    }
}

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store file.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Allow a non-loopback address (also needs `token`).
    pub allow_remote: bool,
    /// The secret every request must carry.
    pub token: Option<String>,
    /// Per-request timeout.
    pub timeout: Duration,
    /// Request body limit in bytes.
    pub body_limit: usize,
    /// Read connections to the store.
    pub connections: usize,
}

impl ServeOptions {
    /// Defaults: loopback port 8080, no token, 30 s timeout, 64 KiB bodies, 4 connections.
    pub fn new(db: PathBuf) -> ServeOptions {
        ServeOptions {
            db,
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_remote: false,
            token: None,
            timeout: DEFAULT_TIMEOUT,
            body_limit: DEFAULT_BODY_LIMIT,
            connections: 4,
        }
    }
}

/// Checks the address rules: loopback always; anything else only with `allow_remote` and a
/// token of at least [`MIN_TOKEN_LEN`] characters.
pub fn check_address(options: &ServeOptions) -> Result<(), Error> {
    if let Some(token) = &options.token {
        if token.chars().count() < MIN_TOKEN_LEN {
            return Err(Error::TokenTooShort {
                len: token.chars().count(),
                min: MIN_TOKEN_LEN,
            });
        }
    }
    if options.addr.ip().is_loopback() {
        return Ok(());
    }
    let missing = match (options.allow_remote, options.token.is_some()) {
        (true, true) => return Ok(()),
        (false, false) => "Neither was given.",
        (false, true) => "TRECHO_TOKEN is set but --allow-remote was not given.",
        (true, false) => "--allow-remote was given but TRECHO_TOKEN is not set.",
    };
    Err(Error::RemoteRefused {
        addr: options.addr,
        missing: missing.to_string(),
        min_token_len: MIN_TOKEN_LEN,
    })
}

/// Checks the rules, opens the store, listens, prints the dashboard address and serves until
/// Ctrl-C.
pub async fn serve(options: ServeOptions) -> Result<(), Error> {
    let server = Server::bind(options).await?;
    let local = server.local_addr();
    let host = match local.ip() {
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        std::net::IpAddr::V4(ip) => ip.to_string(),
    };
    let hint = if server.options.token.is_some() {
        "?token=<TRECHO_TOKEN>"
    } else {
        ""
    };
    println!(
        "trecho dashboard: http://{host}:{port}/{hint}  (store {db}; Ctrl-C stops)",
        port = local.port(),
        db = server.options.db.display()
    );
    server
        .run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// A server bound to its address but not yet serving: [`serve`] in two steps, so a caller
/// (the load test) can learn the port the OS chose for port 0 before requests are sent.
pub struct Server {
    options: ServeOptions,
    state: AppState,
    listener: tokio::net::TcpListener,
    local: SocketAddr,
}

impl Server {
    /// Checks the address rules, opens the store and binds the socket, exactly as
    /// `trecho serve` does.
    pub async fn bind(options: ServeOptions) -> Result<Server, Error> {
        check_address(&options)?;
        let state = AppState::open(&options.db, options.connections)?
            .with_token(options.token.as_deref().map(Token::new))
            .with_timeout(options.timeout)
            .with_body_limit(options.body_limit);
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|source| Error::Io {
                addr: options.addr,
                source,
            })?;
        let local = listener.local_addr().map_err(|source| Error::Io {
            addr: options.addr,
            source,
        })?;
        Ok(Server {
            options,
            state,
            listener,
            local,
        })
    }

    /// The address actually bound (with the port the OS chose for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// Serves until `shutdown` completes, then lets the requests in flight finish.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), Error> {
        let local = self.local;
        axum::serve(self.listener, app(self.state))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|source| Error::Io {
                addr: local,
                source,
            })
    }
}
