//! The module's three exports, which the page's loader (`www/loader.js`)
//! calls: the page writes a request's UTF-8 bytes into memory it got from
//! [`twolevel_alloc`], [`twolevel_call`] answers with a buffer holding the
//! answer's length (4 bytes, little-endian) and its UTF-8 bytes, and the
//! page hands every buffer back to [`twolevel_free`].
//!
//! This is the only place in the workspace with `unsafe` code: the raw
//! pointers cross the boundary between JavaScript and WebAssembly.
#![allow(unsafe_code)]

use crate::handle;

/// Allocates `len` bytes for the page to write a request into.
#[unsafe(no_mangle)]
pub extern "C" fn twolevel_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let pointer = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    pointer
}

/// Frees a buffer of `capacity` bytes from [`twolevel_alloc`] or
/// [`twolevel_call`] (whose capacity is 4 plus the answer's length).
///
/// # Safety
///
/// `pointer` and `capacity` must describe one buffer handed out by this
/// module and not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn twolevel_free(pointer: *mut u8, capacity: usize) {
    // SAFETY: the caller hands back a buffer this module allocated with
    // this capacity; its bytes are plain `u8`, so length 0 is valid.
    drop(unsafe { Vec::from_raw_parts(pointer, 0, capacity) });
}

/// Answers the request of `len` bytes at `pointer` (JSON, see
/// [`handle`]); returns a buffer of 4 + n bytes: n (u32, little-endian),
/// then the answer's n bytes of UTF-8 JSON.
///
/// # Safety
///
/// `pointer` must point to `len` initialised bytes (from
/// [`twolevel_alloc`]).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn twolevel_call(pointer: *const u8, len: usize) -> *mut u8 {
    // SAFETY: the caller wrote `len` bytes at `pointer`.
    let request = unsafe { std::slice::from_raw_parts(pointer, len) };
    let answer = handle(&String::from_utf8_lossy(request));
    let length = u32::try_from(answer.len()).unwrap_or(u32::MAX);
    let mut buffer = Vec::with_capacity(4 + answer.len());
    buffer.extend_from_slice(&length.to_le_bytes());
    buffer.extend_from_slice(answer.as_bytes());
    // A boxed slice has exactly its length as capacity, which the page
    // reads back as 4 + n.
    Box::into_raw(buffer.into_boxed_slice()).cast::<u8>()
}
