//! newslens finds the people, places, organisations, dates and figures in a
//! news article, on the reader's own device.
//!
//! The crate is a plain library: text goes in, labelled spans come out. The
//! same code runs natively (the `newslens` command line) and in WebAssembly
//! (the browser extension and the demo page), where a thin binding layer
//! converts offsets to UTF-16 and errors to JavaScript exceptions.
//!
//! # Overview
//!
//! An [`Extractor`] is built once, fallibly, from its models and word lists;
//! after that, [`Extractor::extract`] never fails: any `&str` gives an
//! [`Extraction`] holding the detected language and the [`Entity`] spans found,
//! as half-open byte ranges into the text, each with a [`Label`].
//! [`Summary::from_extraction`] groups the mentions of each entity for
//! display, reading the text as the extraction read it.
//!
//! # Example
//!
//! ```
//! use newslens::{Extractor, Label};
//!
//! let extractor = Extractor::new()?;
//! let text = "Le Premier ministre Haider al-Abadi a annoncé jeudi la reprise \
//!             d'Al-Qaïm, à la frontière de la Syrie, selon l'AFP.";
//! let found = extractor.extract(text);
//! assert_eq!(found.lang.code(), "fr");
//! let people: Vec<&str> = found
//!     .entities
//!     .iter()
//!     .filter(|e| e.label == Label::Per)
//!     .map(|e| e.text(text))
//!     .collect();
//! assert_eq!(people, ["Haider al-Abadi"]);
//! # Ok::<(), newslens::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod corrections;
mod dates_quantities;
mod doc;
mod entity;
mod error;
mod extractor;
mod lang;
mod model;
pub mod offsets;
mod summary;
pub mod text;
#[cfg(feature = "train")]
pub mod train;

#[cfg(target_arch = "wasm32")]
mod wasm;
/// The JavaScript-facing extractor (WebAssembly builds only).
#[cfg(target_arch = "wasm32")]
pub use wasm::Newslens;

pub use corrections::{Correction, Lexicon, NOT_A_NAME};
pub use entity::{Entity, Label};
pub use error::Error;
pub use extractor::{Extraction, Extractor, Status};
pub use lang::Lang;
pub use summary::{Figure, Group, Summary};
