//! Dates in a sentence, resolved against the publication date ("last month", "On December 6",
//! "since February", "el pasado 6 de diciembre").
