//! Deadlines in the words of a threat, promise or demand: "within 30 days", "by January 31",
//! "for a one month period", "soon", "antes del 31 de enero".
