//! End-to-end tests of the `ehcp` binary.
