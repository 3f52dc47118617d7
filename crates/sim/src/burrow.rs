//! Burrow-style consumer lag evaluation.
