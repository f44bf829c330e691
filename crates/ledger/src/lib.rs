//! Ledger: said events → commitments, red lines and linkage, followed across documents; the
//! said-versus-done index. Pure functions over events; no IO.
