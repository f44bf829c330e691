//! Counts of utterances ("has said at least 17 times") for `reported_count`.
