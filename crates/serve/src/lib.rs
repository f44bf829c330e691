//! Serve: the HTTP API and the dashboard (axum). The only crate that knows HTTP.
