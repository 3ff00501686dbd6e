//! corroborate: cross-reference claims between news articles.
pub mod normalize;
