//! Errors: `Error` for starting the server, `ApiError` for one request (4xx details shown,
//! 5xx details logged to stderr and hidden from the client).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The address is not a loopback address and remote access was not both asked for and
    /// protected by a token.
    #[error(
        "refusing to listen on {addr}: it is not a loopback address, and the dashboard and API \
         would be open to the network. To serve remotely, pass --allow-remote AND set the \
         TRECHO_TOKEN environment variable to a secret of at least {min_token_len} characters; \
         every request must then carry it (Authorization: Bearer <token> or ?token=<token>). \
         {missing}"
    )]
    RemoteRefused {
        /// The address asked for.
        addr: SocketAddr,
        /// Which of the two conditions is missing, in words.
        missing: String,
        /// The shortest token accepted.
        min_token_len: usize,
    },
    /// The token given is too short to be a secret.
    #[error("TRECHO_TOKEN is too short ({len} characters): use at least {min} characters")]
    TokenTooShort {
        /// Length found.
        len: usize,
        /// Length required.
        min: usize,
    },
    /// The store file does not exist (the server never creates one).
    #[error("{}", trecho::no_store(.0))]
    NoStore(PathBuf),
    /// The store could not be opened or read.
    #[error("{0}")]
    Store(#[from] trecho::StoreError),
    /// Binding or serving on the socket failed.
    #[error("listening on {addr}: {}", listen_problem(source))]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The IO error.
        source: std::io::Error,
    },
}

/// A socket error in words, with what to do about it; the OS text follows in parentheses.
fn listen_problem(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let problem = match error.kind() {
        ErrorKind::AddrInUse => {
            "the port is already in use (another trecho serve?); stop that program or pass \
             another --addr, e.g. 127.0.0.1:8081 (port 0 picks a free port)"
        }
        ErrorKind::AddrNotAvailable => {
            "no network interface of this machine has that address; pass --addr with one of \
             its addresses, or 127.0.0.1"
        }
        ErrorKind::PermissionDenied => {
            "permission denied (ports below 1024 need privileges); pass --addr with a port \
             of 1024 or more"
        }
        _ => return error.to_string(),
    };
    format!("{problem} ({error})")
}

/// The JSON body of every error answer.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<&'a str>,
}

/// An error answer for one request.
#[derive(Debug)]
pub enum ApiError {
    /// 400: a bad parameter, named, with the reason.
    BadParameter {
        /// The parameter's name.
        parameter: String,
        /// Why it was refused.
        message: String,
    },
    /// 404: no such item.
    NotFound(String),
    /// 401: the token is missing or wrong.
    Unauthorized,
    /// 403: the Host header is not a loopback name (DNS rebinding protection).
    ForbiddenHost,
    /// 413: the request body is larger than the limit.
    TooLarge(usize),
    /// 503: the request took longer than the per-request timeout.
    Timeout,
    /// 500: details go to stderr only.
    Internal(String),
}

impl ApiError {
    /// A 400 naming the parameter.
    pub fn bad(parameter: &str, message: impl Into<String>) -> ApiError {
        ApiError::BadParameter {
            parameter: parameter.to_string(),
            message: message.into(),
        }
    }
}

impl From<trecho::StoreError> for ApiError {
    fn from(error: trecho::StoreError) -> ApiError {
        ApiError::Internal(format!("{error}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message, parameter) = match &self {
            ApiError::BadParameter { parameter, message } => (
                StatusCode::BAD_REQUEST,
                message.clone(),
                Some(parameter.as_str()),
            ),
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, what.clone(), None),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "missing or wrong token: send Authorization: Bearer <token> or ?token=<token>"
                    .to_string(),
                None,
            ),
            ApiError::ForbiddenHost => (
                StatusCode::FORBIDDEN,
                "the Host header is not a loopback name; open the dashboard at 127.0.0.1 or \
                 localhost"
                    .to_string(),
                None,
            ),
            ApiError::TooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body larger than {limit} bytes"),
                None,
            ),
            ApiError::Timeout => (
                StatusCode::SERVICE_UNAVAILABLE,
                "the request took too long and was stopped; narrow the filters".to_string(),
                None,
            ),
            ApiError::Internal(detail) => {
                // The detail may name files and SQL; it goes to the operator, not the client.
                eprintln!("trecho serve: internal error: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_string(),
                    None,
                )
            }
        };
        let body = ErrorBody {
            error: &message,
            parameter,
        };
        let json = serde_json::to_vec(&body).unwrap_or_else(|_| b"{\"error\":\"error\"}".to_vec());
        let mut response = (status, json).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if matches!(self, ApiError::Unauthorized) {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"trecho\""),
            );
        }
        response
    }
}
