//! [`NativeOnly`]: documentation data (sources, URLs, dates checked) that the
//! data tables carry beside their rules. Native builds keep it for the
//! README's generated tables and the data tests; the wasm module keeps none of
//! it, since no rule reads it and every byte there is downloaded by the page.

#[cfg(target_arch = "wasm32")]
use std::marker::PhantomData;

/// A value present in native builds only.
#[derive(Clone, Copy, Debug)]
pub struct NativeOnly<T: Copy> {
    /// The value (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub value: T,
    #[cfg(target_arch = "wasm32")]
    kept: PhantomData<T>,
}

impl<T: Copy> NativeOnly<T> {
    /// Keeps `value` in native builds; drops it at compile time in wasm.
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
    #[must_use]
    pub const fn new(value: T) -> Self {
        NativeOnly {
            #[cfg(not(target_arch = "wasm32"))]
            value,
            #[cfg(target_arch = "wasm32")]
            kept: PhantomData,
        }
    }
}
