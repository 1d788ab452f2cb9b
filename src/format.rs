//! The formatter (`pejl fmt`). STUB: being written.
