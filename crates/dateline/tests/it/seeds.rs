//! Golden tests over the seed articles.
