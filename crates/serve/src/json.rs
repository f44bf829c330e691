//! JSON answers from bytes already serialized (and possibly cached).

use axum::response::{IntoResponse, Response};

/// A JSON answer from bytes already serialized (and possibly cached).
pub fn json_bytes(bytes: axum::body::Bytes) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        bytes,
    )
        .into_response()
}
